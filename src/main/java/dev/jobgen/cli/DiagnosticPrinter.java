package dev.jobgen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobgen.diag.Diagnostic;
import dev.jobgen.compile.CatalogueCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Prints diagnostics as text (gjf style: headline, source line, caret, hint), as one JSON
 * document, or as GitHub Actions workflow commands. All three come from the same records.
 */
public final class DiagnosticPrinter {
    /** Built on first use: text and GitHub output (most runs) need no Jackson classes. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Where YAML ends a line, so that the line of a diagnostic is the one shown. */
    static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u0085\u2028\u2029]");
    private final FileSystem fs;
    private final Map<String, Optional<List<String>>> lines = new HashMap<>();

    public DiagnosticPrinter(FileSystem fs) {
        this.fs = fs;
    }

    /** Shows excerpts of {@code file} from {@code text}: standard input cannot be read a second time. */
    DiagnosticPrinter withText(String file, String text) {
        lines.put(file, Optional.of(List.of(LINE_BREAK.split(text, -1))));
        return this;
    }

    public void print(List<Diagnostic> diagnostics, OutputFormat format, PrintWriter to) {
        print(diagnostics, OptionalInt.empty(), format, to);
    }

    /** Prints {@code diagnostics} of catalogues that define {@code jobs} jobs (a field of the JSON form). */
    public void print(List<Diagnostic> diagnostics, OptionalInt jobs, OutputFormat format, PrintWriter to) {
        switch (format) {
            case text -> diagnostics.forEach(d -> printText(d, to));
            case github -> diagnostics.forEach(d -> to.println(github(d)));
            case json -> to.println(json(diagnostics, jobs));
        }
        to.flush();
    }

    /** The last line of a check: {@code N errors, M warnings in K jobs}. */
    public static String summary(List<Diagnostic> diagnostics, int jobs) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        return count(errors, "error") + ", " + count(diagnostics.size() - errors, "warning") + " in " + count(jobs, "job");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void printText(Diagnostic d, PrintWriter to) {
        to.println(Excerpt.message(d.headline()));
        sourceLine(d.at().file(), d.at().line()).ifPresent(line -> to.print(Excerpt.sourceLine(line, d.at().column())));
        d.hint().ifPresent(h -> to.println("  hint: " + Excerpt.message(h)));
    }

    private static String github(Diagnostic d) {
        String kind = d.isError() ? "error" : "warning";
        String message = Excerpt.message(d.message() + d.hint().map(h -> " (hint: " + h + ")").orElse(""));
        return "::" + kind + " file=" + githubProperty(d.at().file()) + ",line=" + d.at().line() + ",col="
                + d.at().column() + ",title=" + githubProperty("jobgen " + d.code().id()) + "::"
                + githubData(message);
    }

    // https://docs.github.com/actions: workflow command data and properties are %-encoded
    private static String githubData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String githubProperty(String s) {
        return githubData(s).replace(":", "%3A").replace(",", "%2C");
    }

    /** The {@code validate --format json} document; {@code jobs} counts the jobs checked, when known. */
    public static String json(List<Diagnostic> diagnostics, OptionalInt jobs) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        root.put("valid", errors == 0);
        root.put("errors", errors);
        root.put("warnings", diagnostics.size() - errors);
        jobs.ifPresent(n -> root.put("jobs", n));
        ArrayNode items = root.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            ObjectNode o = items.addObject();
            o.put("file", d.at().file());
            o.put("line", d.at().line());
            o.put("column", d.at().column());
            o.put("severity", d.severity().label());
            o.put("code", d.code().id());
            o.put("message", d.message());
            o.put("hint", d.hint().orElse(null));
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> sourceLine(String file, int line) {
        Optional<List<String>> all = lines.computeIfAbsent(file, f -> {
            Path p = fs.getPath(f);
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            // bounded like the catalogue reader: a file over the limit gets its diagnostic without an excerpt
            try (InputStream in = Files.newInputStream(p)) {
                byte[] bytes = in.readNBytes(CatalogueCompiler.MAX_CATALOGUE_BYTES + 1);
                return bytes.length > CatalogueCompiler.MAX_CATALOGUE_BYTES ? Optional.empty()
                        : Optional.of(List.of(LINE_BREAK.split(new String(bytes, StandardCharsets.UTF_8), -1)));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
        return all.filter(l -> line <= l.size()).map(l -> l.get(line - 1));
    }
}
