package dev.jobgen.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects diagnostics so that one run reports every problem, not just the first. Wording comes
 * from {@link DiagnosticCode}; callers pass only the arguments.
 */
public final class Diagnostics {
    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.at().file())
            .thenComparingInt(d -> d.at().line())
            .thenComparingInt(d -> d.at().column());

    private final List<Diagnostic> items = new ArrayList<>();

    public void error(DiagnosticCode code, SourcePosition at, Object... args) {
        add(Severity.ERROR, code, at, Optional.empty(), args);
    }

    public void errorWithHint(DiagnosticCode code, SourcePosition at, String hint, Object... args) {
        add(Severity.ERROR, code, at, Optional.ofNullable(hint), args);
    }

    public void warning(DiagnosticCode code, SourcePosition at, Object... args) {
        add(Severity.WARNING, code, at, Optional.empty(), args);
    }

    public void warningWithHint(DiagnosticCode code, SourcePosition at, String hint, Object... args) {
        add(Severity.WARNING, code, at, Optional.ofNullable(hint), args);
    }

    private void add(Severity severity, DiagnosticCode code, SourcePosition at, Optional<String> hint, Object... args) {
        if (code.isWarning() != (severity == Severity.WARNING)) {
            // ignore-warnings accepts exactly the warning codes, so a code is one or the other
            throw new IllegalArgumentException(code.id() + " is " + (code.isWarning() ? "a warning" : "an error") + " code");
        }
        Optional<String> effectiveHint = hint.isPresent() ? hint : code.defaultHint();
        items.add(new Diagnostic(severity, code, at, code.format(args), effectiveHint));
    }

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void addAll(Diagnostics other) {
        items.addAll(other.items);
    }

    /** Adds {@code other}'s diagnostics except the warnings whose code is in {@code silenced}. */
    public void addAllExcept(Diagnostics other, Set<DiagnosticCode> silenced) {
        other.items.stream().filter(d -> d.isError() || !silenced.contains(d.code())).forEach(items::add);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public boolean hasWarnings() {
        return items.stream().anyMatch(d -> !d.isError());
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * All diagnostics, sorted by file, line and column; at one place they keep the order they were
     * found in (an unknown key before the missing key it stands for), so output is deterministic.
     */
    public List<Diagnostic> sorted() {
        return items.stream().sorted(ORDER).distinct().toList();
    }
}
