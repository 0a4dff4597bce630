package dev.jobgen.history;

/** How a run ended, as written in {@code runs.jsonl}; {@link #id()} is the stable spelling. */
public enum Outcome {
    SUCCESS("success"),
    FAILED("failed"),
    TIMEOUT("timeout"),
    KILLED("killed"),
    SKIPPED_LOCKED("skipped-locked"),
    SKIPPED_DONE("skipped-done"),
    /** --lock cluster: the period is done, or the job runs, on another node. */
    SKIPPED_PEER("skipped-peer"),
    /** --lock cluster, store unreachable, --on-unavailable skip. */
    SKIPPED_UNAVAILABLE("skipped-unavailable"),
    /** --lock cluster, store unreachable (at start, or when marking the period), --on-unavailable fail. */
    UNAVAILABLE("unavailable"),
    /**
     * The lock was busy and its holder has had it longer than this job's own bound (attempts,
     * timeouts and retry delays): something is stuck or someone is blocking the job.
     */
    BLOCKED("blocked"),
    /** The runner died (kill -9) while its command ran; written by the next run to get the lock. */
    ORPHANED("orphaned");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** A run that did not start the command at all. */
    public boolean isSkip() {
        return this == SKIPPED_LOCKED || this == BLOCKED || this == SKIPPED_DONE || this == SKIPPED_PEER || this == SKIPPED_UNAVAILABLE;
    }

    /** A run that did not succeed and did not skip: alerts count it (the cluster store down counts too). */
    public boolean isFailure() {
        return this == FAILED || this == TIMEOUT || this == KILLED || this == UNAVAILABLE || this == ORPHANED;
    }

    /** The outcome spelled {@code id}, for reading history back. */
    public static Outcome ofId(String id) {
        for (Outcome o : values()) {
            if (o.id.equals(id)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + id + "'");
    }
}
