package dev.jobgen.load;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.diag.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Builds the {@link YNode} tree straight from snakeyaml's parser events, the work of its composer
 * and of a second walk over the composed nodes in one pass (loading is most of the compiler's
 * time on a large catalogue). Aliases share the anchored subtree, which is immutable; the limits
 * count what an expansion would produce, so an alias bomb is refused before anyone walks it.
 */
final class TreeBuilder {
    private static final int MAX_COLLECTION_ALIASES = 200;

    /** A value that an anchor names: the subtree and how many nodes it expands to. */
    private record Anchored(YNode node, long size) {}

    /** What an anchor names while its collection is being built: an alias to it is a loop. */
    private static final Anchored BUILDING = new Anchored(null, 0);

    private final Parser parser;
    private final String file;
    private final Diagnostics diagnostics;
    private final RememberingResolver resolver = new RememberingResolver();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private long nodes;
    private int collectionAliases;

    TreeBuilder(Parser parser, String file, Diagnostics diagnostics) {
        this.parser = parser;
        this.file = file;
        this.diagnostics = diagnostics;
    }

    /**
     * Why the document cannot be loaded at all, and where: a limit, an alias to itself (both
     * {@code YAML_LIMIT}), an undefined alias or a second document ({@code YAML_SYNTAX}).
     */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final DiagnosticCode code;
        private final transient SourcePosition at;

        Refused(DiagnosticCode code, SourcePosition at, String message) {
            super(message, null, false, false);
            this.code = code;
            this.at = at;
        }

        DiagnosticCode code() {
            return code;
        }

        SourcePosition at() {
            return at;
        }
    }

    /** The stream's only document; an empty map when the stream has none. */
    YNode document() {
        parser.getEvent(); // stream start
        if (parser.checkEvent(Event.ID.StreamEnd)) {
            return new YNode.Mapping(new SourcePosition(file, 1, 1), List.of());
        }
        parser.getEvent(); // document start
        YNode root = node(0);
        parser.getEvent(); // document end
        if (!parser.checkEvent(Event.ID.StreamEnd)) {
            parser.getEvent(); // the next document's start; its root shows where it begins
            throw new Refused(DiagnosticCode.YAML_SYNTAX, position(parser.peekEvent().getStartMark()),
                    "a catalogue is one YAML document, found several");
        }
        return root;
    }

    SourcePosition position(Mark mark) {
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private YNode node(int depth) {
        Event event = parser.getEvent();
        SourcePosition at = position(event.getStartMark());
        if (event instanceof AliasEvent alias) {
            return alias(alias, at);
        }
        if (depth > CatalogueLoader.MAX_DEPTH) {
            throw new Refused(DiagnosticCode.YAML_LIMIT, at, "catalogue is nested deeper than " + CatalogueLoader.MAX_DEPTH + " levels");
        }
        count(1, at);
        String anchor = ((NodeEvent) event).getAnchor();
        YNode built;
        long size;
        if (event instanceof ScalarEvent scalar) {
            built = scalar(scalar, at);
            size = 1;
        } else {
            if (anchor != null) {
                anchors.put(anchor, BUILDING);
            }
            long before = nodes;
            built = event instanceof MappingStartEvent ? mapping(at, depth) : sequence(at, depth);
            size = 1 + nodes - before;
            if (anchor != null && anchors.get(anchor) != BUILDING) {
                anchor = null; // redefined inside its own collection: the inner value keeps the name
            }
        }
        if (anchor != null) {
            anchors.put(anchor, new Anchored(built, size));
        }
        return built;
    }

    private YNode alias(AliasEvent alias, SourcePosition at) {
        String name = alias.getAnchor();
        Anchored target = anchors.get(name);
        if (target == BUILDING) {
            throw new Refused(DiagnosticCode.YAML_LIMIT, at, "a YAML alias refers to itself");
        }
        if (target == null) {
            throw new Refused(DiagnosticCode.YAML_SYNTAX, at, "found undefined alias " + name);
        }
        if (!(target.node() instanceof YNode.Scalar) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
            throw new Refused(DiagnosticCode.YAML_LIMIT, at, "more than " + MAX_COLLECTION_ALIASES + " aliases of maps or lists");
        }
        count(target.size(), at);
        return target.node();
    }

    private void count(long more, SourcePosition at) {
        nodes += more;
        if (nodes > CatalogueLoader.MAX_NODES) {
            throw new Refused(DiagnosticCode.YAML_LIMIT, at, "catalogue expands to more than " + CatalogueLoader.MAX_NODES + " values (alias bomb?)");
        }
    }

    private YNode.Scalar scalar(ScalarEvent event, SourcePosition at) {
        return new YNode.Scalar(at, event.getValue(), type(tag(event)), event.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN);
    }

    private Tag tag(ScalarEvent event) {
        String tag = event.getTag();
        if (tag == null || tag.equals("!")) {
            return resolver.resolve(NodeId.scalar, event.getValue(), event.getImplicit().canOmitTagInPlainScalar());
        }
        return new Tag(tag);
    }

    private static YNode.ScalarType type(Tag tag) {
        if (tag.equals(Tag.INT)) return YNode.ScalarType.INT;
        if (tag.equals(Tag.FLOAT)) return YNode.ScalarType.FLOAT;
        if (tag.equals(Tag.BOOL)) return YNode.ScalarType.BOOL;
        if (tag.equals(Tag.NULL)) return YNode.ScalarType.NULL;
        return YNode.ScalarType.STRING;
    }

    private YNode.Sequence sequence(SourcePosition at, int depth) {
        List<YNode> items = new ArrayList<>();
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            items.add(node(depth + 1));
        }
        parser.getEvent();
        return new YNode.Sequence(at, items);
    }

    private YNode.Mapping mapping(SourcePosition at, int depth) {
        Map<String, YNode.Entry> explicit = new LinkedHashMap<>();
        Map<String, YNode.Entry> merged = new LinkedHashMap<>();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event keyEvent = parser.peekEvent();
            SourcePosition keyAt = position(keyEvent.getStartMark());
            boolean merge = keyEvent instanceof ScalarEvent s && tag(s).equals(Tag.MERGE);
            long values = nodes;
            YNode key = node(depth + 1);
            nodes = values; // the limit counts values, as it always has: keys would halve it for plain catalogues
            YNode value = node(depth + 1);
            if (merge) {
                for (YNode.Entry e : mergeSources(value)) {
                    merged.putIfAbsent(e.key(), e);
                }
            } else if (!(key instanceof YNode.Scalar scalar)) {
                diagnostics.error(DiagnosticCode.WRONG_TYPE, keyAt, "a key", "a plain word", "a complex key");
            } else if (explicit.containsKey(scalar.text())) {
                diagnostics.error(DiagnosticCode.DUPLICATE_KEY, keyAt, scalar.text(),
                        String.valueOf(explicit.get(scalar.text()).keyAt().line()));
            } else {
                explicit.put(scalar.text(), new YNode.Entry(scalar.text(), keyAt, value));
            }
        }
        parser.getEvent();
        List<YNode.Entry> entries = new ArrayList<>(explicit.values());
        merged.forEach((k, e) -> {
            if (!explicit.containsKey(k)) {
                entries.add(e);
            }
        });
        return new YNode.Mapping(at, entries);
    }

    private List<YNode.Entry> mergeSources(YNode value) {
        List<YNode.Entry> entries = new ArrayList<>();
        if (value instanceof YNode.Mapping m) {
            entries.addAll(m.entries());
        } else if (value instanceof YNode.Sequence s) {
            for (YNode item : s.items()) {
                if (item instanceof YNode.Mapping m) {
                    entries.addAll(m.entries()); // the caller keeps the first of a key, as the spec asks
                } else {
                    diagnostics.error(DiagnosticCode.WRONG_TYPE, item.at(), "<<", "a map or a list of maps", item.kind());
                }
            }
        } else {
            diagnostics.error(DiagnosticCode.WRONG_TYPE, value.at(), "<<", "a map or a list of maps", value.kind());
        }
        return entries;
    }
}
