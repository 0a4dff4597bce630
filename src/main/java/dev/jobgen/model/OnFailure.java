package dev.jobgen.model;

import java.util.List;
import java.util.Optional;

/**
 * Who hears about a failed run: a command, a webhook (its URL given inline, or in a file only root
 * need read, for secret URLs), an email address (any of them).
 */
public record OnFailure(Optional<List<String>> command, Optional<String> webhook, Optional<String> email, Optional<String> webhookFile) {
    public OnFailure {
        command = command.map(List::copyOf);
    }

    public OnFailure(Optional<List<String>> command, Optional<String> webhook, Optional<String> email) {
        this(command, webhook, email, Optional.empty());
    }
}
