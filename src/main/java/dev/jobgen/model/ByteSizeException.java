package dev.jobgen.model;

/** A size {@link ByteSize#parse} refuses; {@link #index()} is the 0-based offset of the bad part. */
public final class ByteSizeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int index;

    public ByteSizeException(String message, int index) {
        super(message);
        this.index = index;
    }

    public int index() {
        return index;
    }
}
