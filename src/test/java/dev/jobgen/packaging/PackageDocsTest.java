package dev.jobgen.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        new PackageDocs("9.9.9", "2026-12-01").writeAll(out);
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
