package dev.jobgen.plan;

import java.util.Map;

/**
 * The systemd version that introduced each directive the planner can emit (from the "Added in
 * version" notes and NEWS, see the version table in src/docs/systemd-versions.md). Directives absent here exist in
 * every systemd jobgen supports.
 */
final class DirectiveGates {
    private static final Map<String, Integer> INTRODUCED = Map.ofEntries(
            Map.entry("RandomizedDelaySec", 229),
            Map.entry("FixedRandomDelay", 247),
            Map.entry("AccuracySec", 209),
            Map.entry("Persistent", 212),
            Map.entry("StateDirectory", 235),
            Map.entry("RuntimeDirectoryPreserve", 235),
            Map.entry("LogExtraFields", 236),
            Map.entry("LoadCredential", 247),
            Map.entry("CPUQuota", 213),
            Map.entry("MemoryMax", 231),
            Map.entry("ProtectSystem", 214),
            Map.entry("ProtectHome", 214),
            Map.entry("PrivateDevices", 209),
            Map.entry("ProtectKernelTunables", 232),
            Map.entry("ProtectKernelModules", 232),
            Map.entry("ProtectControlGroups", 232),
            Map.entry("ProtectKernelLogs", 244),
            Map.entry("ProtectClock", 245),
            Map.entry("ProtectHostname", 242),
            Map.entry("ProtectProc", 247),
            Map.entry("ProcSubset", 247),
            Map.entry("RestrictSUIDSGID", 242),
            Map.entry("RestrictNamespaces", 233),
            Map.entry("RestrictRealtime", 231),
            Map.entry("RestrictAddressFamilies", 211),
            Map.entry("LockPersonality", 235),
            Map.entry("SystemCallArchitectures", 209),
            Map.entry("SystemCallFilter", 187),
            Map.entry("SystemCallErrorNumber", 209),
            Map.entry("PrivateMounts", 239),
            Map.entry("NoNewPrivileges", 187),
            Map.entry("ReadWritePaths", 231),
            Map.entry("RemoveIPC", 232),
            Map.entry("PrivateIPC", 248),
            Map.entry("KillMode", 187),
            Map.entry("ExecCondition", 243));

    private DirectiveGates() {}

    static int introduced(String key) {
        return INTRODUCED.getOrDefault(key, 0);
    }

    /** Every gate, for the tests that exercise each one below and at its version. */
    static Map<String, Integer> all() {
        return INTRODUCED;
    }
}
