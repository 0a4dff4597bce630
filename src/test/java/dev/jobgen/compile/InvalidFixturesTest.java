package dev.jobgen.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jobgen.diag.Diagnostic;
import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.testing.Fixtures;
import dev.jobgen.testing.GoldenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Fixtures under {@code invalid/} carry their expected diagnostics as comments on the line above
 * the faulty one: {@code # ERROR: code [@column] text} or {@code # WARNING: ...}. Each marker must
 * be matched by a diagnostic of that severity and code on that line (and column, when given)
 * whose message or hint contains the text; any diagnostic without a marker fails the fixture.
 * {@code # ALSO: companions/x.yaml} compiles another catalogue first (for rules across catalogues).
 */
class InvalidFixturesTest {
    static final Path INVALID = GoldenFiles.projectDir().resolve("src/test/resources/invalid");
    private static final Pattern MARKER = Pattern.compile("^\\s*# (ERROR|WARNING): ([a-z-]+)(?: @(\\d+))?(?: (.*))?$");

    /** An expectation read from a marker. */
    record Expected(String severity, String code, int line, int column, String text) {
        boolean matches(Diagnostic d) {
            return d.severity().label().equalsIgnoreCase(severity) && d.code().id().equals(code) && d.at().line() == line
                    && (column == 0 || d.at().column() == column)
                    && (d.message() + " " + d.hint().orElse("")).contains(text);
        }
    }

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(INVALID)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    static List<Expected> expectations(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Expected> out = new ArrayList<>();
        List<Matcher> pending = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (m.matches()) {
                pending.add(m);
                continue;
            }
            for (Matcher p : pending) {
                out.add(new Expected(p.group(1), p.group(2), i + 1, p.group(3) == null ? 0 : Integer.parseInt(p.group(3)),
                        p.group(4) == null ? "" : p.group(4).trim()));
            }
            pending.clear();
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> eachFixtureYieldsExactlyItsMarkedDiagnostics() throws IOException {
        return fixtures().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<Expected> expected = expectations(file);
            assertTrue(!expected.isEmpty(), "fixture has no markers: " + file);
            List<Path> files = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("# ALSO: ")) {
                    files.add(INVALID.resolve(line.substring("# ALSO: ".length()).trim()));
                }
            }
            files.add(file);
            String name = file.getFileName().toString();
            List<Diagnostic> actual = Fixtures.compile(files.toArray(Path[]::new)).diagnostics().stream()
                    .filter(d -> d.at().file().equals(name)).toList();
            StringBuilder problems = new StringBuilder();
            for (Expected e : expected) {
                if (actual.stream().noneMatch(e::matches)) {
                    problems.append("missing: ").append(e).append('\n');
                }
            }
            for (Diagnostic d : actual) {
                if (expected.stream().noneMatch(e -> e.matches(d))) {
                    problems.append("unexpected: ").append(d.headline()).append(d.hint().map(h -> " (hint: " + h + ")").orElse("")).append('\n');
                }
            }
            if (problems.length() > 0) {
                fail(file.getFileName() + ":\n" + problems);
            }
        }));
    }

    @Test
    void everyDiagnosticCodeIsTriggeredByAFixtureAndDocumented() throws IOException {
        Set<DiagnosticCode> seen = EnumSet.noneOf(DiagnosticCode.class);
        for (Path file : fixtures()) {
            for (Expected e : expectations(file)) {
                DiagnosticCode.byId(e.code()).ifPresentOrElse(seen::add, () -> fail("unknown code in " + file + ": " + e.code()));
            }
        }
        Set<DiagnosticCode> missing = EnumSet.complementOf(EnumSet.copyOf(seen));
        assertTrue(missing.isEmpty(), "codes no fixture triggers: " + missing);
        String table = Files.readString(GoldenFiles.projectDir().resolve("src/docs/diagnostics.md"), StandardCharsets.UTF_8);
        List<String> undocumented = Stream.of(DiagnosticCode.values()).map(DiagnosticCode::id)
                .filter(id -> !table.contains("| `" + id + "` |")).toList();
        assertTrue(undocumented.isEmpty(), "codes missing from the diagnostics table (src/docs/diagnostics.md): " + undocumented);
    }
}
