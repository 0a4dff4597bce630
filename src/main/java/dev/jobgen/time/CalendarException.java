package dev.jobgen.time;

/** A calendar expression systemd would reject; {@link #index()} is the 0-based offset of the bad part. */
public final class CalendarException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int index;

    public CalendarException(String message, int index) {
        super(message);
        this.index = index;
    }

    public int index() {
        return index;
    }
}
