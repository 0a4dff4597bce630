package dev.jobgen.diag;

import java.util.List;

/**
 * Thrown only when nothing further can be done with the input (the catalogue is invalid); carries
 * every diagnostic collected so far so the CLI can print them all.
 */
public final class CatalogueException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public CatalogueException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "invalid catalogue" : diagnostics.get(0).headline());
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
