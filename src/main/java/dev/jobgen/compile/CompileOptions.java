package dev.jobgen.compile;

import dev.jobgen.model.SystemdVersion;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a compilation may be told from outside the catalogue: a systemd version and runner path
 * that override the catalogues', templates that override the built-in ones (file name to text,
 * read by the caller, so compiling stays pure), and the instant schedule checks reason from.
 */
public record CompileOptions(Optional<SystemdVersion> systemdVersion, Optional<String> runnerPath,
        Map<String, String> templateOverrides, Instant now, int herdThreshold) {
    public CompileOptions {
        Objects.requireNonNull(systemdVersion, "systemdVersion");
        Objects.requireNonNull(runnerPath, "runnerPath");
        templateOverrides = Map.copyOf(templateOverrides);
        Objects.requireNonNull(now, "now");
    }

    public static CompileOptions defaults(Instant now) {
        return new CompileOptions(Optional.empty(), Optional.empty(), Map.of(), now,
                dev.jobgen.lint.ScheduleLints.DEFAULT_HERD_THRESHOLD);
    }

    public CompileOptions withSystemdVersion(SystemdVersion v) {
        return new CompileOptions(Optional.of(v), runnerPath, templateOverrides, now, herdThreshold);
    }

    public CompileOptions withRunnerPath(String path) {
        return new CompileOptions(systemdVersion, Optional.of(path), templateOverrides, now, herdThreshold);
    }

    public CompileOptions withTemplateOverrides(Map<String, String> overrides) {
        return new CompileOptions(systemdVersion, runnerPath, overrides, now, herdThreshold);
    }

    public CompileOptions withHerdThreshold(int n) {
        return new CompileOptions(systemdVersion, runnerPath, templateOverrides, now, n);
    }
}
