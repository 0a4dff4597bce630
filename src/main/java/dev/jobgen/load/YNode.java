package dev.jobgen.load;

import dev.jobgen.diag.SourcePosition;
import java.util.List;
import java.util.Optional;

/**
 * A YAML value with the position it was written at. The loader resolves aliases and merge keys,
 * so a tree of these is plain data; binders never see snakeyaml types.
 */
public sealed interface YNode permits YNode.Scalar, YNode.Mapping, YNode.Sequence {

    SourcePosition at();

    /** A human word for the node's kind, for "must be a list, found a map" messages. */
    String kind();

    /**
     * A scalar: its exact text and what YAML's core schema would make of a plain scalar, so
     * {@code 010} stays "010" for a command but is also known to look like a number.
     */
    record Scalar(SourcePosition at, String text, ScalarType type, boolean quoted) implements YNode {
        /** Where character {@code index} of the text was written (exact for single-line scalars). */
        public SourcePosition charAt(int index) {
            return at.shift((quoted ? 1 : 0) + Math.max(0, index));
        }

        @Override
        public String kind() {
            return type.word();
        }

        public boolean isNull() {
            return type == ScalarType.NULL;
        }
    }

    /**
     * A mapping, in source order, with keys unique (the loader reports duplicates). A class rather
     * than a record because it keeps an index by key, derived from the entries.
     */
    final class Mapping implements YNode {
        private final SourcePosition at;
        private final List<Entry> entries;
        private final java.util.Map<String, Entry> byKey = new java.util.HashMap<>();

        public Mapping(SourcePosition at, List<Entry> entries) {
            this.at = java.util.Objects.requireNonNull(at, "at");
            this.entries = List.copyOf(entries);
            for (Entry e : this.entries) {
                byKey.putIfAbsent(e.key(), e);
            }
        }

        @Override
        public SourcePosition at() {
            return at;
        }

        public List<Entry> entries() {
            return entries;
        }

        @Override
        public String kind() {
            return "a map";
        }

        public Optional<Entry> entry(String key) {
            return Optional.ofNullable(byKey.get(key));
        }

        public Optional<YNode> get(String key) {
            return entry(key).map(Entry::value);
        }
    }

    /** One key of a mapping, with where the key itself was written. */
    record Entry(String key, SourcePosition keyAt, YNode value) {}

    /** A sequence, in source order. */
    record Sequence(SourcePosition at, List<YNode> items) implements YNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** How YAML would resolve a scalar (quoted scalars are always strings). */
    enum ScalarType {
        STRING("a string"),
        INT("a number"),
        FLOAT("a number"),
        BOOL("true/false"),
        NULL("nothing (null)");

        private final String word;

        ScalarType(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }
}
