package dev.jobgen.model;

import java.util.Optional;

/** CPU, memory and I/O limits: {@code Nice=}, {@code CPUQuota=}, {@code MemoryMax=}, I/O scheduling class. */
public record Resources(Optional<Integer> nice, Optional<Integer> cpuQuotaPercent, Optional<Long> memoryMaxBytes,
        Optional<IoClass> io) {
    public static final Resources NONE = new Resources(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** I/O scheduling classes of systemd.exec(5) {@code IOSchedulingClass=}. */
    public enum IoClass {
        REALTIME("realtime"),
        BEST_EFFORT("best-effort"),
        IDLE("idle");

        private final String id;

        IoClass(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
