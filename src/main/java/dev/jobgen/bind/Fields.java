package dev.jobgen.bind;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.diag.SourcePosition;
import dev.jobgen.diag.Suggestions;
import dev.jobgen.load.YNode;
import dev.jobgen.time.TimeSpan;
import dev.jobgen.time.TimeSpanException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, positioned access to one YAML map of the catalogue. Every problem becomes a diagnostic
 * and an empty result, so binders keep going and one run reports everything.
 */
final class Fields {
    private final YNode.Mapping map;
    private final String where;
    private final Diagnostics diagnostics;
    private final Set<String> misspelt;

    private Fields(YNode.Mapping map, String where, Diagnostics diagnostics, Set<String> misspelt) {
        this.map = map;
        this.where = where;
        this.diagnostics = diagnostics;
        this.misspelt = Set.copyOf(misspelt);
    }

    /** Reads {@code map}, reporting keys outside {@code known} as unknown (with a suggestion). */
    static Fields of(YNode.Mapping map, String where, Set<String> known, Diagnostics diagnostics) {
        Set<String> misspelt = new HashSet<>();
        for (YNode.Entry e : map.entries()) {
            if (!known.contains(e.key())) {
                Optional<String> meant = Suggestions.closest(e.key(), known);
                meant.ifPresent(misspelt::add);
                String hint = meant.map(s -> "did you mean '" + s + "'?")
                        .orElse("known keys: " + String.join(", ", known.stream().sorted().toList()));
                diagnostics.errorWithHint(DiagnosticCode.UNKNOWN_KEY, e.keyAt(), hint, e.key(), where);
            }
        }
        return new Fields(map, where, diagnostics, misspelt);
    }

    /** These fields, also counting {@code keys} as misspelt (typos already reported elsewhere, e.g. in {@code defaults:}). */
    Fields alsoMisspelt(Set<String> keys) {
        Set<String> all = new HashSet<>(misspelt);
        all.addAll(keys);
        return new Fields(map, where, diagnostics, all);
    }

    /**
     * True when an unknown key of this map reads as a typo of {@code key} (and was reported with
     * "did you mean"): a binder then says nothing about {@code key} missing, as that is the same
     * mistake, not a second one.
     */
    boolean misspelt(String key) {
        return misspelt.contains(key);
    }

    /** The known keys that unknown keys of this map read as typos of. */
    Set<String> misspelt() {
        return misspelt;
    }

    /** Expects {@code node} to be a map; reports and returns empty otherwise. */
    static Optional<YNode.Mapping> asMap(YNode node, String key, Diagnostics diagnostics) {
        if (node instanceof YNode.Mapping m) {
            return Optional.of(m);
        }
        diagnostics.error(DiagnosticCode.WRONG_TYPE, node.at(), key, "a map", node.kind());
        return Optional.empty();
    }

    SourcePosition at() {
        return map.at();
    }

    String where() {
        return where;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    boolean has(String key) {
        return map.get(key).filter(n -> !(n instanceof YNode.Scalar s && s.isNull())).isPresent();
    }

    Optional<YNode> node(String key) {
        return map.get(key).filter(n -> !(n instanceof YNode.Scalar s && s.isNull()));
    }

    /** Where each key of this map was written. */
    java.util.Map<String, SourcePosition> keyPositions() {
        java.util.Map<String, SourcePosition> out = new java.util.HashMap<>();
        map.entries().forEach(e -> out.put(e.key(), e.keyAt()));
        return out;
    }

    SourcePosition keyAt(String key) {
        return map.entry(key).map(YNode.Entry::keyAt).orElse(map.at());
    }

    SourcePosition valueAt(String key) {
        return map.get(key).map(YNode::at).orElse(map.at());
    }

    Optional<YNode.Scalar> scalar(String key) {
        Optional<YNode> node = node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YNode.Scalar s) {
            return Optional.of(s);
        }
        diagnostics.error(DiagnosticCode.WRONG_TYPE, node.get().at(), key, "a single value", node.get().kind());
        return Optional.empty();
    }

    Optional<String> string(String key) {
        return scalar(key).map(YNode.Scalar::text);
    }

    Optional<YNode.Mapping> map(String key) {
        return node(key).flatMap(n -> asMap(n, key, diagnostics));
    }

    Optional<Boolean> bool(String key) {
        return scalar(key).flatMap(s -> {
            if (s.type() == YNode.ScalarType.BOOL || (!s.quoted() && (s.text().equals("true") || s.text().equals("false")))) {
                String t = s.text().toLowerCase(java.util.Locale.ROOT);
                return Optional.of(t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y"));
            }
            diagnostics.error(DiagnosticCode.WRONG_TYPE, s.at(), key, "true or false", describe(s));
            return Optional.empty();
        });
    }

    Optional<Integer> integer(String key, int min, int max) {
        return scalar(key).flatMap(s -> {
            try {
                if (s.type() != YNode.ScalarType.INT) {
                    throw new NumberFormatException();
                }
                int v = Integer.parseInt(s.text().replace("_", "").replaceFirst("^\\+", ""));
                if (v < min || v > max) {
                    diagnostics.error(DiagnosticCode.INVALID_VALUE, s.at(), key, "must be between " + min + " and " + max + ", found " + v);
                    return Optional.empty();
                }
                return Optional.of(v);
            } catch (NumberFormatException e) {
                diagnostics.error(DiagnosticCode.WRONG_TYPE, s.at(), key, "a whole number", describe(s));
                return Optional.empty();
            }
        });
    }

    Optional<Double> decimal(String key, double min, double max) {
        return scalar(key).flatMap(s -> {
            try {
                if (s.type() != YNode.ScalarType.INT && s.type() != YNode.ScalarType.FLOAT) {
                    throw new NumberFormatException();
                }
                double v = Double.parseDouble(s.text().replace("_", ""));
                if (!(v >= min && v <= max)) {
                    diagnostics.error(DiagnosticCode.INVALID_VALUE, s.at(), key, "must be between " + min + " and " + max);
                    return Optional.empty();
                }
                return Optional.of(v);
            } catch (NumberFormatException e) {
                diagnostics.error(DiagnosticCode.WRONG_TYPE, s.at(), key, "a number", describe(s));
                return Optional.empty();
            }
        });
    }

    Optional<TimeSpan> span(String key) {
        return scalar(key).flatMap(s -> span(s, key, diagnostics));
    }

    static Optional<TimeSpan> span(YNode.Scalar s, String key, Diagnostics diagnostics) {
        try {
            return Optional.of(TimeSpan.parse(s.text()));
        } catch (TimeSpanException e) {
            diagnostics.error(DiagnosticCode.INVALID_TIMESPAN, s.charAt(e.index()), s.text(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A list of strings; a single string is accepted as a one-element list when {@code singleOk}. */
    Optional<List<YNode.Scalar>> scalars(String key, boolean singleOk) {
        Optional<YNode> node = node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YNode.Scalar s && singleOk) {
            return Optional.of(List.of(s));
        }
        if (!(node.get() instanceof YNode.Sequence seq)) {
            diagnostics.error(DiagnosticCode.WRONG_TYPE, node.get().at(), key, singleOk ? "a value or a list" : "a list", node.get().kind());
            return Optional.empty();
        }
        List<YNode.Scalar> out = new ArrayList<>();
        boolean ok = true;
        for (YNode item : seq.items()) {
            if (item instanceof YNode.Scalar s && !s.isNull()) {
                out.add(s);
            } else {
                diagnostics.error(DiagnosticCode.WRONG_TYPE, item.at(), key + " entries", "single values", item.kind());
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    static String describe(YNode.Scalar s) {
        return "'" + s.text() + "'";
    }
}
