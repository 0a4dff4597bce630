package dev.jobgen.monitorapi;

/** The provider refused a request or could not be reached; the message is one line for the user. */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    public ApiException(String message) {
        super(message);
    }
}
