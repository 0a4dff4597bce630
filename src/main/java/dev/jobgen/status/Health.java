package dev.jobgen.status;

/**
 * A job's health as {@code jobgen status} reports it. {@link #unhealthy()} ones make the command
 * exit 1, so it can serve as a monitoring check.
 */
public enum Health {
    OK("OK", false),
    FAILING("FAILING", true),
    LATE("LATE", true),
    MISSED("MISSED", true),
    NEVER_RUN("NEVER-RUN", false),
    SUSPENDED("SUSPENDED", false),
    NO_HISTORY("NO-HISTORY", false);

    private final String label;
    private final boolean unhealthy;

    Health(String label, boolean unhealthy) {
        this.label = label;
        this.unhealthy = unhealthy;
    }

    public String label() {
        return label;
    }

    public boolean unhealthy() {
        return unhealthy;
    }
}
