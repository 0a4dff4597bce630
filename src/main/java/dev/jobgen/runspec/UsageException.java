package dev.jobgen.runspec;

/** A malformed {@code jobgen run} command line; the message is the one line printed before exit 2. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
