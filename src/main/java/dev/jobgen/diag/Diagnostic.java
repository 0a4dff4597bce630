package dev.jobgen.diag;

import java.util.Objects;
import java.util.Optional;

/** One finding about a catalogue, with its stable code, where it is and what to do about it. */
public record Diagnostic(
        Severity severity, DiagnosticCode code, SourcePosition at, String message, Optional<String> hint) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error[code]: message}, the first line of the text form. */
    public String headline() {
        return at + ": " + severity.label() + "[" + code.id() + "]: " + message;
    }
}
