package dev.jobgen.plan;

import java.util.List;
import java.util.Optional;

/** A {@code [Name]} section of a unit file with its directives in order. */
public record Section(String name, List<Directive> directives) {
    public Section {
        directives = List.copyOf(directives);
    }

    /** The values of {@code key}, in order (keys such as {@code OnCalendar=} may repeat). */
    public List<String> values(String key) {
        return directives.stream().filter(d -> d.key().equals(key)).map(Directive::value).toList();
    }

    public Optional<String> value(String key) {
        return values(key).stream().findFirst();
    }
}
