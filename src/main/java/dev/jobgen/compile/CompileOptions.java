package dev.jobgen.compile;

import dev.jobgen.model.SystemdVersion;
import dev.jobgen.render.TemplateSource;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a compilation may be told from outside the catalogue: a systemd version and runner path
 * that override the catalogues', the templates, and the instant schedule checks reason from.
 */
public record CompileOptions(Optional<SystemdVersion> systemdVersion, Optional<String> runnerPath,
        TemplateSource templates, Instant now, int herdThreshold) {
    public CompileOptions {
        Objects.requireNonNull(systemdVersion, "systemdVersion");
        Objects.requireNonNull(runnerPath, "runnerPath");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(now, "now");
    }

    public static CompileOptions defaults(Instant now) {
        return new CompileOptions(Optional.empty(), Optional.empty(), TemplateSource.builtIn(), now,
                dev.jobgen.lint.ScheduleLints.DEFAULT_HERD_THRESHOLD);
    }

    public CompileOptions withSystemdVersion(SystemdVersion v) {
        return new CompileOptions(Optional.of(v), runnerPath, templates, now, herdThreshold);
    }

    public CompileOptions withRunnerPath(String path) {
        return new CompileOptions(systemdVersion, Optional.of(path), templates, now, herdThreshold);
    }

    public CompileOptions withTemplates(TemplateSource t) {
        return new CompileOptions(systemdVersion, runnerPath, t, now, herdThreshold);
    }

    public CompileOptions withHerdThreshold(int n) {
        return new CompileOptions(systemdVersion, runnerPath, templates, now, n);
    }
}
