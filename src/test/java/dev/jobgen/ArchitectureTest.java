package dev.jobgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.testing.GoldenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of the design, as a test: which package may use which (the rooms of the
 * house, every use counted, fully-qualified names in code as well as imports), the core is pure
 * (no file system, no process state, no clock), only cli/ speaks picocli, and the runner's
 * start-up path stays lean.
 */
class ArchitectureTest {
    private static final Path MAIN = GoldenFiles.projectDir().resolve("src/main/java/dev/jobgen");
    private static final List<String> CORE = List.of("diag", "load", "model", "bind", "time", "plan", "render", "compile", "lint", "migrate", "status",
            "monitors", "runspec", "unitfile");

    /**
     * Which jobgen packages each package may use ("" is the root, Main). Ground floor: the shared
     * vocabularies (diag, time, unitfile: the unit-file syntax both ways; ping; history: the run
     * log the runner writes and cli and status read). runspec is the compiler-runner contract.
     * The compiler is load, bind, plan, render behind the compile facade: cli goes through the
     * facade, whose input, output and error types are its own. The runner never loads the
     * compiler. A new package fails {@link #everyPackageHasARoom} until it is given its room here.
     */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("diag", Set.of()),
            Map.entry("time", Set.of()),
            Map.entry("unitfile", Set.of()),
            Map.entry("ping", Set.of()),
            Map.entry("history", Set.of()),
            Map.entry("load", Set.of("diag")),
            Map.entry("runspec", Set.of("time", "unitfile")),
            Map.entry("model", Set.of("diag", "time", "runspec")),
            Map.entry("lint", Set.of("diag", "model", "time", "runspec")),
            Map.entry("bind", Set.of("diag", "load", "model", "runspec", "time", "unitfile")),
            Map.entry("plan", Set.of("diag", "model", "runspec", "time", "unitfile")),
            Map.entry("render", Set.of("diag", "model", "plan", "unitfile")),
            Map.entry("compile", Set.of("bind", "diag", "lint", "load", "model", "plan", "render", "runspec", "time", "unitfile")),
            Map.entry("status", Set.of("history", "model", "runspec", "time")),
            Map.entry("monitors", Set.of("model", "runspec", "time")),
            Map.entry("monitorapi", Set.of("monitors")),
            Map.entry("notify", Set.of("diag", "history", "ping", "runspec", "unitfile")),
            Map.entry("runner", Set.of("diag", "history", "ping", "runspec", "time", "unitfile")),
            Map.entry("install", Set.of("diag", "unitfile")),
            Map.entry("migrate", Set.of("bind", "compile", "diag", "model", "runspec", "time")),
            Map.entry("cli", Set.of("compile", "diag", "history", "install", "migrate", "model", "monitorapi", "monitors", "notify", "ping",
                    "runner", "runspec", "status", "time", "unitfile")),
            Map.entry("", Set.of("cli", "runner")));

    /**
     * Uses the table does not allow, each with its reason. The JSON schema is printed from the
     * binder's own key table, which is the format's definition; it moves behind the facade when
     * the key table next changes hands.
     */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "cli/SchemaCommand.java -> bind", "the schema command prints the binder's key table (bind/CatalogueKeys)");

    /** {@code dev.jobgen.PKG.} in code: an import, a static import or a fully-qualified name written inline. */
    private static final Pattern USE = Pattern.compile("\\bdev\\.jobgen\\.([a-z][a-z0-9]*)\\.");

    @Test
    void everyPackageUsesOnlyThePackagesOfItsRoom() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> excused = new TreeSet<>();
        for (Path file : javaFiles(MAIN)) {
            String rel = MAIN.relativize(file).toString().replace('\\', '/');
            String pkg = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
            Set<String> allowed = MAY_USE.getOrDefault(pkg, Set.of());
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).replaceFirst("//.*", "");
                String trimmed = code.trim();
                if (trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("package ")) {
                    continue;
                }
                Matcher m = USE.matcher(code);
                while (m.find()) {
                    String used = m.group(1);
                    if (used.equals(pkg) || allowed.contains(used)) {
                        continue;
                    }
                    String key = rel + " -> " + used;
                    if (EXCEPTIONS.containsKey(key)) {
                        excused.add(key);
                    } else {
                        violations.add(rel + ":" + (i + 1) + ": " + pkg + " may not use " + used + ": " + trimmed);
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "uses across rooms the design does not allow (ArchitectureTest.MAY_USE):\n" + String.join("\n", violations));
        assertEquals(EXCEPTIONS.keySet(), excused, "an exception that no longer happens: remove it from ArchitectureTest.EXCEPTIONS");
    }

    @Test
    void everyPackageHasARoom() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(MAIN)) {
            dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        packages.add("");
        assertEquals(new TreeSet<>(MAY_USE.keySet()), packages, "packages and the rooms of ArchitectureTest.MAY_USE differ");
    }

    @Test
    void theUseScannerSeesInlineNamesAndSkipsComments() {
        Matcher inline = USE.matcher("        return new dev.jobgen.runner.RunnerMain();");
        assertTrue(inline.find());
        assertEquals("runner", inline.group(1));
        assertTrue(USE.matcher("import static dev.jobgen.time.TimeSpan.ZERO;").find());
        assertFalse(USE.matcher("Class.forName(\"dev.jobgen.Main\")").find(), "the root package is no room of its own name");
    }
    private static final Pattern IMPURE = Pattern.compile(
            "\\bjava\\.nio\\.file\\.Files\\b|\\bFiles\\.|\\bSystem\\.(out|err|in|exit|getenv|getProperty|setProperty|currentTimeMillis|nanoTime)"
                    + "|Instant\\.now\\(|LocalDate(Time)?\\.now\\(|ZonedDateTime\\.now\\(|Clock\\.system|ZoneId\\.systemDefault\\(|TimeZone\\.getDefault\\(|\\bjava\\.io\\.File\\b|new ProcessBuilder");

    @Test
    void corePackagesArePure() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String pkg : CORE) {
            for (Path file : javaFiles(MAIN.resolve(pkg))) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).replaceFirst("//.*", "");
                    if (!code.trim().startsWith("*") && IMPURE.matcher(code).find()) {
                        violations.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "I/O, process state or the clock in a core package:\n" + String.join("\n", violations));
    }

    @Test
    void onlyCliImportsPicocliAndRunnerStaysLean() throws IOException {
        Map<String, Pattern> forbidden = Map.of(
                "picocli outside cli/", Pattern.compile("^import picocli\\."),
                "runner loading the compiler's libraries", Pattern.compile("^import (org\\.yaml\\.|freemarker\\.|picocli\\.)"));
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            String rel = MAIN.relativize(file).toString();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!rel.startsWith("cli/") && forbidden.get("picocli outside cli/").matcher(line).find()) {
                    violations.add(rel + ": " + line);
                }
                if (rel.startsWith("runner/") && forbidden.get("runner loading the compiler's libraries").matcher(line).find()) {
                    violations.add(rel + ": " + line);
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
