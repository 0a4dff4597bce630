package dev.jobgen.cli;

import picocli.CommandLine.Option;

/**
 * How catalogues are compiled into units (a picocli mixin), for the commands whose output they
 * change: render, validate and install. Commands that only read the jobs (next, status, monitors)
 * compile with {@link #defaults()} and do not offer these options.
 */
public final class CatalogueOptions {
    static final int DEFAULT_HERD_THRESHOLD = 10;

    @Option(names = "--systemd-version", paramLabel = "N",
            description = "Oldest systemd the units must work on; overrides the catalogues' target.")
    Integer systemdVersion;

    @Option(names = "--runner-path", paramLabel = "PATH",
            description = "Where jobgen is installed on the nodes (the ExecStart= of jobs that use the runner). Default: the catalogue's runner-path, else /usr/bin/jobgen.")
    String runnerPath;

    @Option(names = "--herd-threshold", paramLabel = "N", defaultValue = "" + DEFAULT_HERD_THRESHOLD,
            description = "Warn when more than N jobs without jitter start at the same instant (default ${DEFAULT-VALUE}).")
    int herdThreshold = DEFAULT_HERD_THRESHOLD;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Directory of FreeMarker templates overriding the built-in ones (service.ftl, timer.ftl, notify@.service.ftl, unit.ftl).")
    String templates;

    /** The options as a command without them compiles: the catalogues' own target, runner path and the built-in templates. */
    static CatalogueOptions defaults() {
        return new CatalogueOptions();
    }
}
