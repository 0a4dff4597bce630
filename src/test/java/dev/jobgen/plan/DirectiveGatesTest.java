package dev.jobgen.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.compile.Compilation;
import dev.jobgen.compile.CompileOptions;
import dev.jobgen.model.SystemdVersion;
import dev.jobgen.testing.Fixtures;
import dev.jobgen.testing.GoldenFiles;
import dev.jobgen.unitfile.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every gate of {@link DirectiveGates} on both of its sides, over the examples and golden cases:
 * rendered for the gate's version, some case carries the directive; rendered for the version
 * before, no case does (a case that cannot do without it fails to compile instead). A gate older
 * than the oldest supported systemd (230) is checked at 230, and below it the target is refused.
 * The cases include src/test/resources/gates/, jobs the runner does not wrap, which compile for
 * 230 (the runner's StateDirectory= needs 235). The other half
 * of "at or above" is the matrix (src/test/matrix/run-matrix.sh), which verifies these units on
 * the real systemd of each version.
 */
class DirectiveGatesTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyGateIsRenderedAtItsVersionAndNotBelow() throws IOException {
        List<Path> catalogues = catalogues();
        return DirectiveGates.all().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(gate -> DynamicTest.dynamicTest(gate.getKey() + "= since " + gate.getValue(), () -> {
                    String key = gate.getKey();
                    int since = gate.getValue();
                    // gates older than the oldest supported systemd are "at or above" from there on; a
                    // directive only the runner's units carry (KillMode=) first shows where the runner can
                    List<String> carriers = new ArrayList<>();
                    int at = Math.max(since, SystemdVersion.OLDEST_SUPPORTED);
                    for (; carriers.isEmpty() && at <= SystemdVersion.DEFAULT.number(); at++) {
                        for (Path catalogue : catalogues) {
                            Compilation c = compile(catalogue, at);
                            if (!c.hasErrors() && carries(c, key)) {
                                carriers.add(catalogue.toString());
                            }
                        }
                    }
                    assertFalse(carriers.isEmpty(), "no example, golden or gates case renders " + key + "= for systemd "
                            + since + " or later; add one that does, so the gate is exercised");
                    if (since - 1 < SystemdVersion.OLDEST_SUPPORTED) {
                        // below the gate is below what jobgen renders for at all: refused as a target
                        Path gates = GoldenFiles.projectDir().resolve("src/test/resources/gates/catalogue.yaml");
                        Compilation refused = Fixtures.compile(withTarget(gates.toString(), since - 1));
                        assertTrue(refused.hasErrors() && refused.files().isEmpty(),
                                () -> "target systemd " + (since - 1) + " is accepted: " + refused.diagnostics());
                        return;
                    }
                    for (Path catalogue : catalogues) {
                        Compilation below = compile(catalogue, since - 1);
                        assertFalse(carries(below, key), () -> catalogue + " rendered for systemd " + (since - 1) + " carries " + key + "=");
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> aCatalogueThatNeedsAGatedDirectiveIsAnErrorBelowItsVersion() {
        return Stream.of(
                DynamicTest.dynamicTest("MemoryMax= below 231", () -> assertNeedsNewer("gates/memory-max.yaml", 230, "MemoryMax=")),
                DynamicTest.dynamicTest("StateDirectory= below 235", () -> assertNeedsNewer("../../../examples/daily-report.yaml", 234, "StateDirectory=")));
    }

    private static void assertNeedsNewer(String relative, int version, String directive) {
        Path catalogue = GoldenFiles.projectDir().resolve("src/test/resources").resolve(relative).normalize();
        Compilation c = compile(catalogue, version);
        assertTrue(c.hasErrors() && c.files().isEmpty(), () -> "compiles for " + version + ": " + c.diagnostics());
        assertTrue(c.diagnostics().toString().contains(directive), c.diagnostics()::toString);
    }

    /** A copy of the catalogue whose target line names {@code version}. */
    private Path withTarget(String catalogue, int version) throws IOException {
        String original = Files.readString(Path.of(catalogue), StandardCharsets.UTF_8);
        String text = original.replaceFirst("(?m)^target: \\{ systemd: \\d+ \\}$", "target: { systemd: " + version + " }");
        assertFalse(text.equals(original), catalogue + " has no target line to change");
        Path copy = temp.resolve(Path.of(catalogue).getFileName());
        Files.writeString(copy, text, StandardCharsets.UTF_8);
        return copy;
    }

    private static Compilation compile(Path catalogue, int version) {
        return Fixtures.compile(CompileOptions.defaults(Fixtures.NOW).withSystemdVersion(SystemdVersion.of(version)), catalogue);
    }

    private static boolean carries(Compilation c, String key) {
        for (RenderedFile f : c.files()) {
            String text = new String(f.content(), StandardCharsets.UTF_8);
            if (text.startsWith(key + "=") || text.contains("\n" + key + "=")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> catalogues() throws IOException {
        Path project = GoldenFiles.projectDir();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> examples = Files.list(project.resolve("examples"))) {
            examples.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
        }
        try (Stream<Path> golden = Files.list(project.resolve("src/test/resources/golden"))) {
            golden.map(d -> d.resolve("catalogue.yaml")).filter(Files::isRegularFile).sorted().forEach(out::add);
        }
        try (Stream<Path> gates = Files.list(project.resolve("src/test/resources/gates"))) {
            gates.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
        }
        return out;
    }
}
