package dev.jobgen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.testing.GoldenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of the design, as a test: the core is pure (no file system, no process
 * state, no clock), only cli/ speaks picocli, and the runner's start-up path stays lean.
 */
class ArchitectureTest {
    private static final Path MAIN = GoldenFiles.projectDir().resolve("src/main/java/dev/jobgen");
    private static final List<String> CORE = List.of("diag", "load", "model", "bind", "time", "plan", "render", "compile", "lint", "migrate", "status", "monitors");
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
                "runner loading the compiler", Pattern.compile("^import (dev\\.jobgen\\.(load|bind|plan|render|compile|lint|cli)\\.|org\\.yaml\\.|freemarker\\.|picocli\\.)"));
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            String rel = MAIN.relativize(file).toString();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!rel.startsWith("cli/") && forbidden.get("picocli outside cli/").matcher(line).find()) {
                    violations.add(rel + ": " + line);
                }
                if (rel.startsWith("runner/") && forbidden.get("runner loading the compiler").matcher(line).find()) {
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
