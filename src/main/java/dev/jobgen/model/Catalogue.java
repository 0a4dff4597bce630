package dev.jobgen.model;

import dev.jobgen.diag.DiagnosticCode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One catalogue file, bound and checked: its jobs in source order, the unit-name prefix, the
 * systemd version the units target and where the runner is installed on nodes.
 *
 * @param source the catalogue's path as the user named it (diagnostics)
 * @param sourcePath the absolute path on the node written into {@code SourcePath=}; empty when the
 *     catalogue is not on the node (installed from outside the install root)
 * @param silencedWarnings per job name, the warning codes its author asked not to be told about
 *     ({@code ignore-warnings}, the catalogue's and the job's own); jobs not named silence none
 */
public record Catalogue(String source, Optional<String> sourcePath, String unitPrefix, SystemdVersion target,
        String runnerPath, List<Job> jobs, Map<String, Set<DiagnosticCode>> silencedWarnings) {
    public static final String DEFAULT_PREFIX = "jobgen-";
    public static final String DEFAULT_RUNNER = "/usr/bin/jobgen";

    public Catalogue {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(unitPrefix, "unitPrefix");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(runnerPath, "runnerPath");
        jobs = List.copyOf(jobs);
        silencedWarnings = Map.copyOf(silencedWarnings);
    }

    /** A catalogue whose jobs silence no warning. */
    public Catalogue(String source, Optional<String> sourcePath, String unitPrefix, SystemdVersion target,
            String runnerPath, List<Job> jobs) {
        this(source, sourcePath, unitPrefix, target, runnerPath, jobs, Map.of());
    }

    public Catalogue withRunnerPath(String path) {
        return new Catalogue(source, sourcePath, unitPrefix, target, path, jobs, silencedWarnings);
    }

    /** The warning codes {@code job} of this catalogue silences. */
    public Set<DiagnosticCode> silencedWarnings(Job job) {
        return silencedWarnings.getOrDefault(job.name(), Set.of());
    }
}
