package dev.jobgen.load;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.diag.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.AnchorNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Turns catalogue text into a {@link YNode} tree with 1-based positions (snakeyaml's marks are
 * 0-based; this is the only place that converts them). Duplicate keys are errors; merge keys
 * ({@code <<}) and aliases are resolved here. Hostile input is refused early and cheaply: more
 * than {@value #MAX_BYTES} bytes, nesting deeper than {@value #MAX_DEPTH}, more than
 * {@value #MAX_NODES} nodes after alias expansion (the "billion laughs" shape).
 */
public final class CatalogueLoader {
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_DEPTH = 100;
    public static final int MAX_NODES = 1_000_000;
    private static final int MAX_COLLECTION_ALIASES = 200;

    private final String file;
    private final Diagnostics diagnostics;
    private int nodes;
    private final IdentityHashMap<Node, Boolean> expanding = new IdentityHashMap<>();

    private CatalogueLoader(String file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    /** Loads one document; problems go to {@code diagnostics}, and empty means nothing usable. */
    public static Optional<YNode> load(String file, String text, Diagnostics diagnostics) {
        return new CatalogueLoader(file, diagnostics).load(text);
    }

    private Optional<YNode> load(String text) {
        SourcePosition start = new SourcePosition(file, 1, 1);
        if (text.length() > MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            diagnostics.error(DiagnosticCode.YAML_LIMIT, start, "catalogue is larger than 10 MiB");
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by us, with both positions
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            List<Node> documents = new ArrayList<>();
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new RememberingResolver(), options);
            while (composer.checkNode()) {
                documents.add(composer.getNode());
            }
            if (documents.size() > 1) {
                diagnostics.error(DiagnosticCode.YAML_SYNTAX, position(documents.get(1).getStartMark()),
                        "a catalogue is one YAML document, found several");
                return Optional.empty();
            }
            if (documents.isEmpty()) {
                return Optional.of(new YNode.Mapping(start, List.of()));
            }
            root = documents.get(0);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            DiagnosticCode code = isLimit(problem) ? DiagnosticCode.YAML_LIMIT : DiagnosticCode.YAML_SYNTAX;
            diagnostics.error(code, mark != null ? position(mark) : start, oneLine(problem));
            return Optional.empty();
        } catch (YAMLException e) {
            DiagnosticCode code = isLimit(e.getMessage()) ? DiagnosticCode.YAML_LIMIT : DiagnosticCode.YAML_SYNTAX;
            diagnostics.error(code, start, oneLine(e.getMessage()));
            return Optional.empty();
        } catch (StackOverflowError e) {
            diagnostics.error(DiagnosticCode.YAML_LIMIT, start, "catalogue is nested too deeply");
            return Optional.empty();
        }
        try {
            return Optional.of(convert(root, 0));
        } catch (LimitExceeded e) {
            diagnostics.error(DiagnosticCode.YAML_LIMIT, e.at, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isLimit(String message) {
        return message != null && (message.contains("exceeds the specified") || message.contains("Nesting Depth")
                || message.contains("nesting depth") || message.contains("code points"));
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable YAML" : s.replaceAll("\\s+", " ").trim();
    }

    private YNode convert(Node node, int depth) {
        SourcePosition at = position(node.getStartMark());
        if (++nodes > MAX_NODES) {
            throw new LimitExceeded(at, "catalogue expands to more than " + MAX_NODES + " values (alias bomb?)");
        }
        if (depth > MAX_DEPTH) {
            throw new LimitExceeded(at, "catalogue is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node instanceof AnchorNode anchor) {
            return convert(anchor.getRealNode(), depth);
        }
        if (node instanceof ScalarNode scalar) {
            return new YNode.Scalar(at, scalar.getValue(), scalarType(scalar),
                    scalar.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN);
        }
        if (expanding.put(node, Boolean.TRUE) != null) {
            throw new LimitExceeded(at, "a YAML alias refers to itself");
        }
        try {
            if (node instanceof SequenceNode seq) {
                List<YNode> items = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    items.add(convert(item, depth + 1));
                }
                return new YNode.Sequence(at, items);
            }
            return mapping((MappingNode) node, at, depth);
        } finally {
            expanding.remove(node);
        }
    }

    private YNode.Mapping mapping(MappingNode node, SourcePosition at, int depth) {
        Map<String, YNode.Entry> explicit = new LinkedHashMap<>();
        Map<String, YNode.Entry> merged = new LinkedHashMap<>();
        Map<String, SourcePosition> firstSeen = new HashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            SourcePosition keyAt = position(keyNode.getStartMark());
            if (keyNode.getTag().equals(Tag.MERGE)) {
                for (YNode.Entry e : mergeSources(tuple.getValueNode(), depth)) {
                    merged.putIfAbsent(e.key(), e);
                }
                continue;
            }
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                diagnostics.error(DiagnosticCode.WRONG_TYPE, keyAt, "a key", "a plain word", "a complex key");
                continue;
            }
            String key = keyScalar.getValue();
            SourcePosition first = firstSeen.putIfAbsent(key, keyAt);
            if (first != null) {
                diagnostics.error(DiagnosticCode.DUPLICATE_KEY, keyAt, key, String.valueOf(first.line()));
                continue;
            }
            explicit.put(key, new YNode.Entry(key, keyAt, convert(tuple.getValueNode(), depth + 1)));
        }
        List<YNode.Entry> entries = new ArrayList<>(explicit.values());
        merged.forEach((k, e) -> {
            if (!explicit.containsKey(k)) {
                entries.add(e);
            }
        });
        return new YNode.Mapping(at, entries);
    }

    private List<YNode.Entry> mergeSources(Node value, int depth) {
        YNode converted = convert(value, depth + 1);
        List<YNode.Entry> entries = new ArrayList<>();
        if (converted instanceof YNode.Mapping m) {
            entries.addAll(m.entries());
        } else if (converted instanceof YNode.Sequence s) {
            for (YNode item : s.items()) {
                if (item instanceof YNode.Mapping m) {
                    m.entries().forEach(e -> {
                        if (entries.stream().noneMatch(x -> x.key().equals(e.key()))) {
                            entries.add(e);
                        }
                    });
                } else {
                    diagnostics.error(DiagnosticCode.WRONG_TYPE, item.at(), "<<", "a map or a list of maps", item.kind());
                }
            }
        } else {
            diagnostics.error(DiagnosticCode.WRONG_TYPE, converted.at(), "<<", "a map or a list of maps", converted.kind());
        }
        return entries;
    }

    private static YNode.ScalarType scalarType(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.INT)) return YNode.ScalarType.INT;
        if (tag.equals(Tag.FLOAT)) return YNode.ScalarType.FLOAT;
        if (tag.equals(Tag.BOOL)) return YNode.ScalarType.BOOL;
        if (tag.equals(Tag.NULL)) return YNode.ScalarType.NULL;
        return YNode.ScalarType.STRING;
    }

    private SourcePosition position(Mark mark) {
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SourcePosition at;

        LimitExceeded(SourcePosition at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }
}
