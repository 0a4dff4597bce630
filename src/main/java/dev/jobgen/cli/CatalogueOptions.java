package dev.jobgen.cli;

import picocli.CommandLine.Option;

/** Options shared by every command that compiles catalogues (a picocli mixin). */
public final class CatalogueOptions {
    @Option(names = "--systemd-version", paramLabel = "N",
            description = "Oldest systemd the units must work on; overrides the catalogues' target.")
    Integer systemdVersion;

    @Option(names = "--runner-path", paramLabel = "PATH",
            description = "Where jobgen is installed on the nodes (the ExecStart= of jobs that use the runner). Default: the catalogue's runner-path, else /usr/bin/jobgen.")
    String runnerPath;

    @Option(names = "--herd-threshold", paramLabel = "N", defaultValue = "10",
            description = "Warn when more than N jobs without jitter start at the same instant (default ${DEFAULT-VALUE}).")
    int herdThreshold;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Directory of FreeMarker templates overriding the built-in ones (service.ftl, timer.ftl, notify@.service.ftl, unit.ftl).")
    String templates;
}
