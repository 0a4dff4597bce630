package dev.jobgen.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One catalogue file, bound and checked: its jobs in source order, the unit-name prefix, the
 * systemd version the units target and where the runner is installed on nodes.
 *
 * @param source the catalogue's path as the user named it (diagnostics)
 * @param sourcePath the absolute path on the node written into {@code SourcePath=}; empty when the
 *     catalogue is not on the node (installed from outside the install root)
 */
public record Catalogue(String source, Optional<String> sourcePath, String unitPrefix, SystemdVersion target,
        String runnerPath, List<Job> jobs) {
    public static final String DEFAULT_PREFIX = "jobgen-";
    public static final String DEFAULT_RUNNER = "/usr/bin/jobgen";

    public Catalogue {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(unitPrefix, "unitPrefix");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(runnerPath, "runnerPath");
        jobs = List.copyOf(jobs);
    }

    public Catalogue withRunnerPath(String path) {
        return new Catalogue(source, sourcePath, unitPrefix, target, path, jobs);
    }
}
