package dev.jobgen.bind;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Suggestions;
import dev.jobgen.load.YNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ignore-warnings: [code, ...]}, at the top of a catalogue (every job and the catalogue's
 * own warnings) or in a job or {@code defaults:} (that job). Only warning codes are accepted: an
 * error cannot be ignored, and an unknown code is a typo that would silence nothing.
 */
final class IgnoredWarnings {
    static final String KEY = "ignore-warnings";

    private IgnoredWarnings() {}

    /** The codes {@code f} lists under {@value #KEY}; every entry that is not a warning code is reported. */
    static Set<DiagnosticCode> read(Fields f) {
        Set<DiagnosticCode> codes = EnumSet.noneOf(DiagnosticCode.class);
        for (YNode.Scalar item : f.scalars(KEY, true).orElse(List.of())) {
            String id = item.text();
            Optional<DiagnosticCode> code = DiagnosticCode.byId(id);
            if (code.isPresent() && code.get().isWarning()) {
                codes.add(code.get());
            } else if (code.isPresent()) {
                f.diagnostics().errorWithHint(DiagnosticCode.INVALID_VALUE, item.at(), "fix the catalogue instead; warnings are "
                        + String.join(", ", DiagnosticCode.warningIds()), KEY, "'" + id + "' is an error, and errors cannot be ignored");
            } else {
                String hint = Suggestions.closest(id, DiagnosticCode.warningIds()).map(s -> "did you mean '" + s + "'?")
                        .orElse("warnings are " + String.join(", ", DiagnosticCode.warningIds()));
                f.diagnostics().errorWithHint(DiagnosticCode.INVALID_VALUE, item.at(), hint, KEY, "'" + id + "' is not a warning code");
            }
        }
        return codes;
    }
}
