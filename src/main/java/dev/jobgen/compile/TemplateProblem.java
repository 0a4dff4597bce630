package dev.jobgen.compile;

/** A user's template (from {@code --templates DIR}) that does not render: the one error a compilation throws. */
public final class TemplateProblem extends Exception {
    private static final long serialVersionUID = 1L;

    TemplateProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
