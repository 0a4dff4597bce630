package dev.jobgen.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.testing.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No reference in the code (comments included), the README, the reference under src/docs or the
 * examples leads to a file that is not in the repository, and every Markdown link and anchor
 * resolves: a moved or renamed document breaks this test, not a reader.
 */
class DocReferencesTest {
    @Test
    void everyReferenceInTheRepositoryResolves() throws IOException {
        ReferenceScanner scanner = new ReferenceScanner(GoldenFiles.projectDir());
        List<Path> files = scanner.files();
        assertTrue(files.stream().anyMatch(p -> p.endsWith("README.md")), "the scan reaches the README");
        assertTrue(files.stream().anyMatch(p -> p.toString().endsWith(".java")), "the scan reaches the code");
        List<ReferenceScanner.Problem> problems = new ArrayList<>();
        for (Path file : files) {
            problems.addAll(scanner.scan(file));
        }
        assertTrue(problems.isEmpty(), problems.size() + " references lead nowhere:\n"
                + problems.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void theReadmeLinksEveryFileOfTheReference() throws IOException {
        Path root = GoldenFiles.projectDir();
        String readme = Files.readString(root.resolve("README.md"));
        String index = Files.readString(root.resolve("src/docs/README.md"));
        try (var docs = Files.list(root.resolve("src/docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                String name = doc.getFileName().toString();
                assertTrue(readme.contains("(src/docs/" + name + ")"), "README.md does not link src/docs/" + name);
                assertTrue(name.equals("README.md") || index.contains("(" + name + ")"), "src/docs/README.md does not list " + name);
            }
        }
    }

    /**
     * The README is the front door and stays one: a few hundred lines at most, opening with the two
     * commands that CI and a new user run (the reference grows under src/docs instead).
     */
    @Test
    void theReadmeStaysAFrontDoorWithTheTwoCommands() throws IOException {
        Path root = GoldenFiles.projectDir();
        List<String> readme = Files.readAllLines(root.resolve("README.md"));
        assertTrue(readme.size() <= 300, "README.md has " + readme.size() + " lines: move reference text to src/docs");
        assertTrue(readme.stream().anyMatch(l -> l.startsWith("./jobgen render examples/nightly-backup.yaml ")),
                "the README's first command (build and run an example) is gone");
        assertTrue(readme.stream().anyMatch(l -> l.startsWith("mvn -B verify ")), "the README's test command is gone");
        assertTrue(Files.exists(root.resolve("examples/nightly-backup.yaml")), "the first command's example exists");
        assertTrue(Files.readAllLines(root.resolve(".ci/run")).contains("mvn -B verify"), "CI runs the README's test command");
    }

    /** The checker itself: each kind of dangling reference is caught, and the harmless look-alikes are not. */
    @Test
    void theScannerFindsEachKindOfDanglingReference(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("src/docs"));
        Files.createDirectories(root.resolve("src/main/java/dev/jobgen/plan"));
        Files.writeString(root.resolve("src/main/java/dev/jobgen/plan/Gates.java"), """
                /** See docs/cluster.md, DESIGN.md "Runner", plan/Missing.java and src/docs/gone.md. */
                /** Fine: plan/Gates.java, src/docs/topic.md, cronie's src/entry.c, /etc/jobgen/x.md, https://h/docs/y.md. */
                /** Fine: DESIGN.md, the contract kept outside this repository; examples/*.yaml; src/test/resources/N/. */
                """);
        Files.writeString(root.resolve("src/docs/topic.md"), """
                # Topic

                ## The `lock: cluster` part

                [ok](#the-lock-cluster-part), [ok](../../README.md#top), [ok](https://example.com/x.md)
                [bad anchor](#nope), [bad file](other.md), [bad anchor elsewhere](../../README.md#nope)
                """);
        Files.writeString(root.resolve("README.md"), "# Top\n\n[ok](src/docs/topic.md#topic)\n");
        ReferenceScanner scanner = new ReferenceScanner(root);
        List<String> found = new ArrayList<>();
        for (Path file : scanner.files()) {
            scanner.scan(file).forEach(p -> found.add(p.file() + ":" + p.line() + ":" + p.reference()));
        }
        assertEquals(new java.util.TreeSet<>(List.of(
                "src/docs/topic.md:6:#nope", "src/docs/topic.md:6:other.md", "src/docs/topic.md:6:../../README.md#nope",
                "src/main/java/dev/jobgen/plan/Gates.java:1:docs/cluster.md",
                "src/main/java/dev/jobgen/plan/Gates.java:1:plan/Missing.java",
                "src/main/java/dev/jobgen/plan/Gates.java:1:DESIGN.md",
                "src/main/java/dev/jobgen/plan/Gates.java:1:src/docs/gone.md")),
                new java.util.TreeSet<>(found));
    }
}
