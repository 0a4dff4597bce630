package dev.jobgen.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.testing.GoldenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages' man pages and completion, generated from the compiled command line: one page per
 * command, groff renders each without a warning, and bash completes commands and runner flags.
 */
class PackageDocsTest {
    @TempDir
    static Path out;

    @BeforeAll
    static void generate() throws IOException {
        new PackageDocs("9.9.9", "2026-12-01", GoldenFiles.projectDir().resolve("src/docs")).writeAll(out);
    }

    @Test
    void everyCommandOfTheHelpHasAPage() throws IOException {
        TreeSet<String> pages = new TreeSet<>();
        try (Stream<Path> files = Files.list(out.resolve("man"))) {
            files.forEach(f -> pages.add(f.getFileName().toString()));
        }
        TreeSet<String> expected = new TreeSet<>(List.of("jobgen.1", "jobgen-run.1", "jobgen.yaml.5"));
        for (String line : help().split("\n")) {
            // the command list of `jobgen --help`: two spaces, a name, two or more spaces, its text
            if (line.matches("  [a-z][a-z-]+ {2,}\\S.*") && !line.strip().startsWith("help ")) {
                expected.add("jobgen-" + line.strip().split(" ")[0] + ".1");
            }
        }
        assertEquals(expected, pages);
    }

    @Test
    void groffRendersEveryPageWithoutAWarning() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "needs groff (apt-get install groff-base)");
        try (Stream<Path> files = Files.list(out.resolve("man"))) {
            for (Path page : files.toList()) {
                Result r = run(List.of("groff", "-ww", "-man", "-Tutf8", "-z", page.toString()));
                assertEquals("", r.output, page.getFileName() + " has groff warnings");
                assertEquals(0, r.status, page.getFileName().toString());
            }
        }
    }

    @Test
    void theRunnerPageListsEveryFlagOfItsUsage() throws IOException {
        String page = Files.readString(out.resolve("man/jobgen-run.1"));
        String usage = dev.jobgen.runspec.RunFlag.usage();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--[a-z][a-z-]*").matcher(usage);
        int flags = 0;
        while (m.find()) {
            assertTrue(page.contains(m.group().replace("-", "\\-")), m.group() + " missing from jobgen-run(1)");
            flags++;
        }
        assertTrue(flags > 20, "the usage text lists the runner's flags");
    }

    @Test
    void theFormatPageListsEveryKeyOfTheBinder() throws IOException {
        String page = Files.readString(out.resolve("man/jobgen.yaml.5"));
        for (String key : dev.jobgen.bind.CatalogueKeys.JOB.names()) {
            assertTrue(page.contains("\\fB" + Roff.escape(key) + "\\fR"), key + " missing from jobgen.yaml(5)");
        }
        assertTrue(page.contains("\\fBretry.attempts\\fR"), "nested keys are listed with their map's name");
    }

    /** The written parts of jobgen.yaml(5) are the catalogue reference: each of its sections and keys is on the page. */
    @Test
    void theFormatPageIsTheCatalogueReference() throws IOException {
        String page = Files.readString(out.resolve("man/jobgen.yaml.5"));
        Reference ref = Reference.of(docs().resolve(PackageDocs.CATALOGUE_REFERENCE));
        assertTrue(ref.headings(2).size() >= 3, "the catalogue reference has its sections");
        for (String heading : ref.headings(2)) {
            assertTrue(page.contains(".SH " + quotedHeading(heading)), heading + " missing from jobgen.yaml(5)");
        }
        for (String key : ref.firstCells()) {
            assertTrue(page.contains("\\fB\\fB" + Roff.escape(key) + "\\fP\\fR"), key + " of the reference's tables missing from jobgen.yaml(5)");
        }
    }

    /** jobgen-run(1) gains the runner reference and its chapters (locks, stamps, heartbeats, history), the flag table aside. */
    @Test
    void theRunnerPageCarriesTheRunnerReference() throws IOException {
        String page = Files.readString(out.resolve("man/jobgen-run.1"));
        List<String> sections = new ArrayList<>(Reference.of(docs().resolve(PackageDocs.RUNNER_REFERENCE)).headings(2));
        assertTrue(sections.remove("Flags"), "runner.md has the flag table the page takes from the usage text");
        for (String chapter : PackageDocs.RUNNER_CHAPTERS) {
            sections.addAll(Reference.of(docs().resolve(chapter)).headings(1));
        }
        for (String heading : sections) {
            assertTrue(page.contains(".SH " + quotedHeading(heading)), heading + " missing from jobgen-run(1)");
        }
        assertTrue(!page.contains(".SH \"FLAGS\""), "the flags are listed once, under OPTIONS");
    }

    /** Commands with a chapter of their own in the reference carry it on their page. */
    @Test
    void commandPagesCarryTheirChapterOfTheReference() throws IOException {
        for (Map.Entry<String, String> e : PackageDocs.COMMAND_REFERENCES.entrySet()) {
            assertCarries("jobgen-" + e.getKey() + ".1", e.getValue());
        }
    }

    @Test
    void theMainPageEndsWithTheCommandReference() throws IOException {
        assertCarries("jobgen.1", PackageDocs.COMMANDS_REFERENCE);
    }

    /** Every heading of a reference file is a section (#) or subsection (##) of the page. */
    private static void assertCarries(String manFile, String referenceFile) throws IOException {
        String page = Files.readString(out.resolve("man").resolve(manFile));
        Reference ref = Reference.of(docs().resolve(referenceFile));
        for (String heading : ref.headings(1)) {
            assertTrue(page.contains(".SH " + quotedHeading(heading)), heading + " missing from " + manFile);
        }
        for (String heading : ref.headings(2)) {
            assertTrue(page.contains(".SS \"" + Roff.escape(heading) + "\""), heading + " missing from " + manFile);
        }
    }

    private static Path docs() {
        return GoldenFiles.projectDir().resolve("src/docs");
    }

    private static String quotedHeading(String heading) {
        return "\"" + Roff.escape(heading.toUpperCase(java.util.Locale.ROOT)) + "\"";
    }

    /** Headings and table keys of a reference page, read with the same parser. */
    private record Reference(org.commonmark.node.Node document) {
        static Reference of(Path file) throws IOException {
            return new Reference(org.commonmark.parser.Parser.builder()
                    .extensions(List.of(org.commonmark.ext.gfm.tables.TablesExtension.create())).build()
                    .parse(Files.readString(file)));
        }

        List<String> headings(int level) {
            List<String> found = new ArrayList<>();
            document.accept(new org.commonmark.node.AbstractVisitor() {
                @Override
                public void visit(org.commonmark.node.Heading h) {
                    if (h.getLevel() == level) {
                        found.add(MarkdownRoff.plain(h));
                    }
                }
            });
            return found;
        }

        /** The code span that opens the first cell of every body row of every table ({@code `lock`}). */
        List<String> firstCells() {
            List<String> found = new ArrayList<>();
            document.accept(new org.commonmark.node.AbstractVisitor() {
                @Override
                public void visit(org.commonmark.node.CustomBlock block) {
                    if (block instanceof org.commonmark.ext.gfm.tables.TableBlock) {
                        for (org.commonmark.node.Node s = block.getFirstChild(); s != null; s = s.getNext()) {
                            if (s instanceof org.commonmark.ext.gfm.tables.TableBody) {
                                for (org.commonmark.node.Node row = s.getFirstChild(); row != null; row = row.getNext()) {
                                    org.commonmark.node.Node first = row.getFirstChild().getFirstChild();
                                    if (first instanceof org.commonmark.node.Code c && first.getNext() == null) {
                                        found.add(c.getLiteral());
                                    }
                                }
                            }
                        }
                    }
                }
            });
            return found;
        }
    }

    @Test
    void bashCompletesCommandsAndRunnerFlags() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        String script = out.resolve("completion/jobgen.bash").toString();
        assertEquals("render", complete(script, "jobgen", "ren"));
        assertEquals("import-crontab", complete(script, "jobgen", "imp"));
        assertEquals("--heartbeat-credential", complete(script, "jobgen", "run", "--heartbeat-cr"));
        assertEquals("--format", complete(script, "jobgen", "validate", "--form"));
    }

    @Test
    void zshCompletionIsAnAutoloadableFunctionAroundTheBashOne() throws IOException {
        String zsh = Files.readString(out.resolve("completion/_jobgen"));
        assertTrue(zsh.startsWith("#compdef jobgen\n"));
        assertTrue(zsh.contains("bashcompinit"));
        assertTrue(zsh.contains("function _complete_jobgen()") || zsh.contains("_complete_jobgen()"));
    }

    private static String complete(String script, String... words) throws Exception {
        String line = String.join(" ", words);
        String program = "source \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; "
                + "COMP_POINT=${#COMP_LINE}; _complete_jobgen 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", program, "bash", script));
        cmd.addAll(List.of(words));
        Result r = run(cmd);
        assertEquals(0, r.status, line + ": " + r.output);
        return r.output.strip();
    }

    private static String help() {
        java.io.StringWriter s = new java.io.StringWriter();
        java.io.PrintWriter w = new java.io.PrintWriter(s);
        dev.jobgen.cli.Jobgen.commandLine(new dev.jobgen.cli.CliContext(w, w, java.time.Clock.systemUTC(),
                java.nio.file.FileSystems.getDefault(), Map.of())).usage(w);
        w.flush();
        return s.toString();
    }

    private record Result(int status, String output) {}

    private static Result run(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + cmd);
        return new Result(p.exitValue(), new String(bytes, StandardCharsets.UTF_8));
    }
}
