package dev.jobgen.time;

/** A span that systemd would reject; {@link #index()} is the 0-based offset of the bad part. */
public final class TimeSpanException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int index;

    public TimeSpanException(String message, int index) {
        super(message);
        this.index = index;
    }

    public int index() {
        return index;
    }
}
