package dev.jobgen.migrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jobgen.cli.CliContext;
import dev.jobgen.cli.Jobgen;
import dev.jobgen.compile.CatalogueCompiler;
import dev.jobgen.compile.CatalogueSource;
import dev.jobgen.compile.Compilation;
import dev.jobgen.compile.CompileOptions;
import dev.jobgen.compile.TemplateProblem;
import dev.jobgen.diag.Diagnostic;
import dev.jobgen.testing.GoldenFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real-looking crontabs under {@code src/test/resources/crontab/<case>/}, converted through the
 * real CLI ({@code jobgen import-crontab}, arguments from the case's {@code args} file, default
 * {@code crontab}) in an in-memory file system holding the case's files. stdout, stderr and the
 * exit code must match {@code expected/}; each case runs twice with byte-identical results, and a
 * produced catalogue must compile and render (a timer per job) without errors.
 */
class CrontabGoldenTest {
    static final Path CASES = GoldenFiles.projectDir().resolve("src/test/resources/crontab");

    @TestFactory
    Stream<DynamicTest> crontabsConvertAsExpected() throws IOException {
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(CASES)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() >= 4, "golden crontab cases missing under " + CASES);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException, TemplateProblem {
        Map<String, byte[]> first = run(dir);
        assertArrayEquals(first.get("catalogue.yaml"), run(dir).get("catalogue.yaml"), "a second run differs");
        GoldenFiles.assertMatches("crontab-" + dir.getFileName(), dir.resolve("expected"), first);
        String catalogue = new String(first.get("catalogue.yaml"), StandardCharsets.UTF_8);
        if (!catalogue.isEmpty()) {
            assertEquals(List.of(), compileErrors(catalogue), "the imported catalogue must validate");
        }
    }

    /** Runs the CLI on a copy of the case in an in-memory file system; the outputs by golden file name. */
    private static Map<String, byte[]> run(Path dir) throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setWorkingDirectory("/case").build())) {
            Path root = fs.getPath("/case");
            List<Path> inputs;
            try (Stream<Path> walk = Files.walk(dir)) {
                inputs = walk.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).startsWith("expected")).toList();
            }
            for (Path p : inputs) {
                Path target = root.resolve(dir.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.write(target, Files.readAllBytes(p));
            }
            Path argsFile = dir.resolve("args");
            List<String> args = new ArrayList<>(List.of("import-crontab"));
            args.addAll(Files.exists(argsFile) ? Files.readAllLines(argsFile).stream().filter(l -> !l.isBlank()).toList()
                    : List.of("crontab"));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err),
                    Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC), fs, Map.of());
            int exit = Jobgen.commandLine(ctx).execute(args.toArray(String[]::new));
            Map<String, byte[]> actual = new TreeMap<>();
            actual.put("catalogue.yaml", out.toString().getBytes(StandardCharsets.UTF_8));
            actual.put("stderr.txt", err.toString().getBytes(StandardCharsets.UTF_8));
            actual.put("exit-code", (exit + "\n").getBytes(StandardCharsets.UTF_8));
            return actual;
        }
    }

    /** Errors from compiling the catalogue as 'jobgen render' does; it must also render a timer per job. */
    static List<Diagnostic> compileErrors(String yaml) throws TemplateProblem {
        Compilation c = CatalogueCompiler.compile(
                List.of(new CatalogueSource("catalogue.yaml", "/etc/jobgen/catalogue.yaml", yaml)),
                CompileOptions.defaults(Instant.parse("2026-06-01T12:00:00Z")));
        List<Diagnostic> errors = c.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (errors.isEmpty()) {
            long timers = c.files().stream().filter(f -> f.name().endsWith(".timer")).count();
            assertEquals(c.catalogues().get(0).jobs().size(), timers, "one rendered timer per imported job");
        }
        return errors;
    }
}
