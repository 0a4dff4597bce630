package dev.jobgen.model;

import java.util.List;
import java.util.Optional;

/** Who hears about a failed run: a command, a webhook, an email address (any of them). */
public record OnFailure(Optional<List<String>> command, Optional<String> webhook, Optional<String> email) {
    public OnFailure {
        command = command.map(List::copyOf);
    }
}
