package dev.jobgen.time;

/**
 * A cron expression that Vixie cron / cronie would reject. {@link #field()} is the 0-based index of
 * the bad field (0 minute … 4 day-of-week, or -1 when the expression as a whole is wrong) and
 * {@link #index()} the 0-based character offset of the bad part in the expression text.
 */
public final class CronException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int field;
    private final int index;

    public CronException(String message, int field, int index) {
        super(message);
        this.field = field;
        this.index = index;
    }

    public int field() {
        return field;
    }

    public int index() {
        return index;
    }
}
