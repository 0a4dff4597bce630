package dev.jobgen.plan;

import dev.jobgen.model.Job;
import dev.jobgen.model.Sandbox;
import dev.jobgen.unitfile.SystemdEscaper;

/**
 * The {@code sandbox: standard|strict} profiles. Each directive is added only where the target
 * systemd has it, so an older target gets the same profile minus what it cannot enforce.
 * {@code strict} leaves out {@code MemoryDenyWriteExecute=} when the runner (a JVM, which needs
 * writable and executable memory) wraps the job.
 */
final class SandboxProfiles {
    private SandboxProfiles() {}

    static void apply(Job job, SectionBuilder s, boolean lockDir) {
        Sandbox sandbox = job.execution().sandbox();
        if (sandbox.level() == Sandbox.Level.OFF) {
            return;
        }
        boolean strict = sandbox.level() == Sandbox.Level.STRICT;
        s.addIfSupported("NoNewPrivileges", "yes");
        s.addIfSupported("PrivateTmp", "yes");
        s.addIfSupported("PrivateDevices", "yes");
        s.addIfSupported("ProtectSystem", strict ? "strict" : "full");
        s.addIfSupported("ProtectHome", strict ? "yes" : "read-only");
        s.addIfSupported("ProtectKernelTunables", "yes");
        s.addIfSupported("ProtectKernelModules", "yes");
        s.addIfSupported("ProtectKernelLogs", "yes");
        s.addIfSupported("ProtectControlGroups", "yes");
        s.addIfSupported("ProtectClock", "yes");
        s.addIfSupported("ProtectHostname", "yes");
        s.addIfSupported("RestrictSUIDSGID", "yes");
        s.addIfSupported("RestrictRealtime", "yes");
        s.addIfSupported("RestrictNamespaces", "yes");
        s.addIfSupported("LockPersonality", "yes");
        s.addIfSupported("SystemCallArchitectures", "native");
        s.addIfSupported("SystemCallFilter", "@system-service");
        s.addIfSupported("SystemCallErrorNumber", "EPERM");
        // AF_NETLINK lets standard jobs look up interfaces; strict ones do without it
        s.addIfSupported("RestrictAddressFamilies", strict ? "AF_UNIX AF_INET AF_INET6" : "AF_UNIX AF_INET AF_INET6 AF_NETLINK");
        if (strict) {
            s.addIfSupported("ProtectProc", "invisible");
            s.addIfSupported("ProcSubset", "pid");
            s.addIfSupported("PrivateIPC", "yes");
            s.addIfSupported("RemoveIPC", "yes");
            s.addIfSupported("CapabilityBoundingSet", "");
            s.addIfSupported("PrivateMounts", "yes");
            s.addIfSupported("SystemCallFilter", "~@privileged @resources");
            s.addIfSupported("UMask", "0077");
            if (!job.usesRunner()) {
                s.addIfSupported("MemoryDenyWriteExecute", "yes");
            }
            if (lockDir && job.execution().user().isEmpty()) {
                // '-': a missing directory must not fail the namespace set-up, which happens before
                // ExecStartPre= gets the chance to create it on a fresh boot (a job user's own lock
                // directory is a RuntimeDirectory=, which systemd makes writable itself)
                s.addIfSupported("ReadWritePaths", "-" + ServicePlanner.LOCK_DIR);
            }
            job.runner().metricsDir().ifPresent(d -> s.addIfSupported("ReadWritePaths", "-" + SystemdEscaper.pathListItem(d)));
        }
        for (String path : sandbox.writablePaths()) {
            s.addIfSupported("ReadWritePaths", SystemdEscaper.pathListItem(path));
        }
    }
}
