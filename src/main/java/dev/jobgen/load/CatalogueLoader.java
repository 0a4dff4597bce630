package dev.jobgen.load;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.diag.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns catalogue text into a {@link YNode} tree with 1-based positions (snakeyaml's marks are
 * 0-based; {@link TreeBuilder} converts them). Duplicate keys are errors; merge keys
 * ({@code <<}) and aliases are resolved here. Hostile input is refused early and cheaply: more
 * than {@value #MAX_BYTES} bytes, nesting deeper than {@value #MAX_DEPTH}, more than
 * {@value #MAX_NODES} nodes after alias expansion (the "billion laughs" shape).
 */
public final class CatalogueLoader {
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_DEPTH = 100;
    public static final int MAX_NODES = 1_000_000;

    private CatalogueLoader() {}

    /** Loads one document; problems go to {@code diagnostics}, and empty means nothing usable. */
    public static Optional<YNode> load(String file, String text, Diagnostics diagnostics) {
        SourcePosition start = new SourcePosition(file, 1, 1);
        // UTF-8 takes at most three bytes per UTF-16 char: only a text near the limit is encoded to measure it
        if (text.length() > MAX_BYTES || text.length() > MAX_BYTES / 3 && text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            diagnostics.error(DiagnosticCode.YAML_LIMIT, start, "catalogue is larger than 10 MiB");
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        WholeTextReader reader = new WholeTextReader(text);
        TreeBuilder builder = new TreeBuilder(new ParserImpl(reader, options), file, diagnostics);
        try {
            return Optional.of(builder.document());
        } catch (TreeBuilder.Refused e) {
            diagnostics.error(e.code(), e.at(), e.getMessage());
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            DiagnosticCode code = isLimit(problem) ? DiagnosticCode.YAML_LIMIT : DiagnosticCode.YAML_SYNTAX;
            diagnostics.error(code, mark != null ? builder.position(mark) : start, oneLine(problem));
        } catch (ReaderException e) {
            int[] at = reader.lineAndColumn(e.getPosition());
            diagnostics.errorWithHint(DiagnosticCode.YAML_SYNTAX, new SourcePosition(file, at[0] + 1, at[1] + 1),
                    "in a double-quoted string, write it as an escape such as \\x01 or \\u0085",
                    String.format("the character U+%04X is not allowed in YAML text", e.getCodePoint()));
        } catch (YAMLException e) {
            DiagnosticCode code = isLimit(e.getMessage()) ? DiagnosticCode.YAML_LIMIT : DiagnosticCode.YAML_SYNTAX;
            diagnostics.error(code, start, oneLine(e.getMessage()));
        } catch (StackOverflowError e) {
            diagnostics.error(DiagnosticCode.YAML_LIMIT, start, "catalogue is nested too deeply");
        }
        return Optional.empty();
    }

    private static boolean isLimit(String message) {
        return message != null && (message.contains("exceeds the specified") || message.contains("Nesting Depth")
                || message.contains("nesting depth") || message.contains("code points"));
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable YAML" : s.replaceAll("\\s+", " ").trim();
    }
}
