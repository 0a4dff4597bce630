package dev.jobgen.diag;

/** How bad a diagnostic is: errors stop a render, warnings fail only {@code validate --strict}. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
