package dev.jobgen.plan;

import dev.jobgen.model.Job;
import dev.jobgen.model.Sandbox;

/**
 * The {@code sandbox: standard|strict} profiles. Each directive is added only where the target
 * systemd has it, so an older target gets the same profile minus what it cannot enforce.
 * {@code strict} leaves out {@code MemoryDenyWriteExecute=} when the runner (a JVM, which needs
 * writable and executable memory) wraps the job.
 */
final class SandboxProfiles {
    private SandboxProfiles() {}

    static void apply(Job job, SectionBuilder s, boolean lockDir) {
        Sandbox sandbox = job.sandbox();
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
        if (strict) {
            s.addIfSupported("ProtectProc", "invisible");
            s.addIfSupported("ProcSubset", "pid");
            s.addIfSupported("PrivateIPC", "yes");
            s.addIfSupported("RemoveIPC", "yes");
            s.addIfSupported("CapabilityBoundingSet", "");
            s.addIfSupported("RestrictAddressFamilies", "AF_UNIX AF_INET AF_INET6");
            s.addIfSupported("SystemCallFilter", "@system-service");
            s.addIfSupported("SystemCallFilter", "~@privileged @resources");
            s.addIfSupported("UMask", "0077");
            if (!job.usesRunner()) {
                s.addIfSupported("MemoryDenyWriteExecute", "yes");
            }
            if (lockDir) {
                s.addIfSupported("ReadWritePaths", ServicePlanner.LOCK_DIR);
            }
        }
        for (String path : sandbox.writablePaths()) {
            s.addIfSupported("ReadWritePaths", SystemdEscaper.pathListItem(path));
        }
    }
}
