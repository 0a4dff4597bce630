package dev.jobgen.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.model.SystemdVersion;
import dev.jobgen.testing.Fixtures;
import dev.jobgen.testing.GoldenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example and every focused case under {@code golden/} rendered and compared whole-file with
 * its expected units; each is rendered twice and must come out byte-identical.
 */
public class GoldenTest {
    static final Path EXAMPLES = GoldenFiles.projectDir().resolve("examples");
    static final Path GOLDEN = GoldenFiles.projectDir().resolve("src/test/resources/golden");

    /** One case: its catalogue, where its expected files live, and its compile options. */
    public record Case(String name, Path catalogue, Path expected, CompileOptions options) {}

    public static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (Path example : examples()) {
            String name = example.getFileName().toString().replaceFirst("\\.yaml$", "");
            cases.add(new Case("example-" + name, example, GOLDEN.resolve("example-" + name).resolve("expected"),
                    CompileOptions.defaults(Fixtures.NOW)));
        }
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            for (Path dir : dirs.sorted().toList()) {
                Path catalogue = dir.resolve("catalogue.yaml");
                if (Files.isRegularFile(catalogue)) {
                    cases.add(new Case(dir.getFileName().toString(), catalogue, dir.resolve("expected"), options(dir)));
                }
            }
        }
        return cases;
    }

    /** Optional {@code case.properties}: {@code systemd-version=N}, {@code runner-path=PATH}. */
    private static CompileOptions options(Path dir) throws IOException {
        CompileOptions options = CompileOptions.defaults(Fixtures.NOW);
        Path props = dir.resolve("case.properties");
        if (Files.isRegularFile(props)) {
            Properties p = new Properties();
            p.load(Files.newBufferedReader(props, StandardCharsets.UTF_8));
            if (p.containsKey("systemd-version")) {
                options = options.withSystemdVersion(SystemdVersion.of(Integer.parseInt(p.getProperty("systemd-version"))));
            }
            if (p.containsKey("runner-path")) {
                options = options.withRunnerPath(p.getProperty("runner-path"));
            }
        }
        return options;
    }

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> renderedUnitsMatchGoldenFiles() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Compilation first = Fixtures.compile(c.options(), c.catalogue());
            assertFalse(first.hasErrors(), () -> c.name() + " has errors: " + first.diagnostics());
            Compilation second = Fixtures.compile(c.options(), c.catalogue());
            Map<String, byte[]> a = Fixtures.bytesByName(first.files());
            Map<String, byte[]> b = Fixtures.bytesByName(second.files());
            assertEquals(a.keySet(), b.keySet(), "same files on a second render");
            a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), name + " differs on a second render"));
            GoldenFiles.assertMatches(c.name(), c.expected(), a);
        }));
    }

    @Test
    void everyExampleHasAGoldenDirectory() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path example : examples()) {
            String name = example.getFileName().toString().replaceFirst("\\.yaml$", "");
            if (!Files.isDirectory(GOLDEN.resolve("example-" + name).resolve("expected")) && !GoldenFiles.updating()) {
                missing.add(example.toString());
            }
        }
        assertTrue(missing.isEmpty(), "examples without golden files (create them with -Dupdate=true and review): " + missing);
        assertTrue(examples().size() >= 6, "the examples are the product's showcase; some went missing");
    }
}
