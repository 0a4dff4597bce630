package dev.jobgen.migrate;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One catalogue job made from one crontab line: exactly one of {@code command} (plain words, run
 * directly) and {@code script} (shell text, run by /bin/sh), and the settings cron gave the line.
 */
public record ImportedJob(String name, String file, int line, Optional<String> description, String cron,
        Optional<String> timezone, Optional<String> jitter, Optional<String> command, Optional<String> script,
        Optional<String> user, SortedMap<String, String> environment, Optional<String> lock,
        Optional<String> email, boolean enabled) {
    public ImportedJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cron, "cron");
        if (command.isPresent() == script.isPresent()) {
            throw new IllegalArgumentException("a job has exactly one of command and script");
        }
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    }

    ImportedJob withLock(String lockValue) {
        return new ImportedJob(name, file, line, description, cron, timezone, jitter, command, script, user, environment,
                Optional.of(lockValue), email, enabled);
    }
}
