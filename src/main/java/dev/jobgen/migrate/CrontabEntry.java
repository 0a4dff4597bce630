package dev.jobgen.migrate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One schedule line of a crontab, as cron would read it, with the environment assignments in
 * effect at that line (cron applies an assignment to the lines after it) and the comment lines
 * directly above it.
 */
public record CrontabEntry(String file, int line, String schedule, Optional<String> user, String command,
        SortedMap<String, String> environment, List<String> comments) {
    public CrontabEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(command, "command");
        environment = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        comments = List.copyOf(comments);
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name));
    }

    static CrontabEntry of(String file, int line, String schedule, Optional<String> user, String command,
            Map<String, String> environment, List<String> comments) {
        return new CrontabEntry(file, line, schedule, user, command, new TreeMap<>(environment), comments);
    }
}
