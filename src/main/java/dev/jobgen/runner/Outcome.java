package dev.jobgen.runner;

/** How a run ended, as written in {@code runs.jsonl}; {@link #id()} is the stable spelling. */
public enum Outcome {
    SUCCESS("success"),
    FAILED("failed"),
    TIMEOUT("timeout"),
    KILLED("killed"),
    SKIPPED_LOCKED("skipped-locked"),
    SKIPPED_DONE("skipped-done");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** A run that did not start the command at all. */
    public boolean isSkip() {
        return this == SKIPPED_LOCKED || this == SKIPPED_DONE;
    }

    /** A run that started the command and did not succeed. */
    public boolean isFailure() {
        return this == FAILED || this == TIMEOUT || this == KILLED;
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
