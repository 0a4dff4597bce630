package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobgen.load.CatalogueLoader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the CLI reads catalogues: through a bounded reader, never from a FIFO or device by accident,
 * from standard input when asked with '-', and with every file's problems reported.
 */
class CatalogueInputTest {
    private static final String OK = "jobgen: 1\njobs:\n  a:\n    command: [/bin/true]\n    schedule: daily\n";
    private static final String BAD = "jobgen: 1\njobs:\n  b:\n    command: [/bin/true]\n    schedul: daily\n";
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final CliHarness real = new CliHarness(FileSystems.getDefault(), Map.of("TZ", "UTC"));

    @Test
    void aDeviceIsRefusedWithoutBeingRead() {
        CliHarness.Result r = assertTimeoutPreemptively(BOUND, () -> real.run("validate", "/dev/zero"));
        assertEquals(1, r.exit(), r.err());
        assertEquals("jobgen: /dev/zero: not a regular file (a FIFO, socket or device); to read a stream, pass '-' and give it on standard input\n",
                r.err());
    }

    /** validate and import-crontab alike: a FIFO with no writer would block the open for ever. */
    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("catalogue.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        for (String command : new String[] {"validate", "import-crontab"}) {
            CliHarness.Result r = assertTimeoutPreemptively(BOUND, () -> real.run(command, fifo.toString()));
            assertEquals(1, r.exit(), r.err());
            assertTrue(r.err().contains("not a regular file"), command + ": " + r.err());
        }
    }

    @Test
    void standardInputIsReadWhenAskedForWithADash() {
        CliHarness cli = new CliHarness();
        cli.write("/dev/stdin", OK);
        CliHarness.Result r = cli.run("validate", "-");
        assertEquals(0, r.exit(), r.err());
        assertEquals("ok: 1 job in 1 catalogue\n", r.err());
        cli.write("/dev/stdin", BAD);
        r = cli.run("validate", "-");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("<stdin>:5:5: error[unknown-key]: unknown key 'schedul' in job 'b'\n        schedul: daily\n        ^\n"), r.err());
        assertEquals(2, cli.run("validate", "-", "-").exit());
    }

    /** A stream has no size to check first: the reader stops one byte past the limit. */
    @Test
    void standardInputLongerThanTheLimitIsRefused() {
        CliHarness cli = new CliHarness();
        cli.write("/dev/stdin", OK + "#".repeat(CatalogueLoader.MAX_BYTES));
        CliHarness.Result r = cli.run("validate", "-");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().startsWith("<stdin>:1:1: error[yaml-limit]: catalogue is larger than 10 MiB"), r.err());
    }

    /** Neither the reader nor the excerpt printer reads past the limit of a huge regular file. */
    @Test
    void aHugeFileIsReadOnlyUpToTheLimit(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(64L << 30); // sparse: 64 GiB that take no disk, and would take all memory
        }
        CliHarness.Result r = assertTimeoutPreemptively(BOUND, () -> real.run("validate", huge.toString()));
        assertEquals(1, r.exit(), r.err());
        assertEquals(huge + ":1:1: error[yaml-limit]: catalogue is larger than 10 MiB\n"
                + "  hint: catalogues are plain data: no alias chains, at most 10 MiB, at most 100 levels deep\n"
                + "1 error, 0 warnings in 0 jobs\n", r.err());
    }

    @Test
    void everyFileIsReportedWhateverTheOthersHold(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), BAD);
        byte[] latin1 = "jobgen: 1\njobs:\n  c:\n    description: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path nonUtf8 = Files.write(dir.resolve("nonutf8.yaml"), latin1);
        Path ok = Files.writeString(dir.resolve("ok.yaml"), OK);
        String missing = dir.resolve("missing.yaml").toString();
        CliHarness.Result r = real.run("validate", bad.toString(), nonUtf8.toString(), missing, ok.toString());
        assertEquals(1, r.exit(), r.err());
        List<String> headlines = r.err().lines().filter(l -> !l.startsWith(" ")).toList();
        assertEquals(List.of(bad + ":5:5: error[unknown-key]: unknown key 'schedul' in job 'b'",
                nonUtf8 + ":4:21: error[yaml-syntax]: YAML syntax error: not UTF-8: byte 0xE9 cannot be read as a character",
                "jobgen: " + missing + ": no such file",
                "2 errors, 0 warnings in 2 jobs"), headlines);
        assertTrue(r.err().contains("  hint: catalogues are UTF-8 text: convert the file, e.g. with iconv -f latin1 -t utf-8\n"), r.err());

        CliHarness.Result json = real.run("validate", "--format", "json", bad.toString(), nonUtf8.toString(), ok.toString());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals(2, doc.get("errors").asInt(), json.out());
    }

    /** A value quoted in a message keeps its NUL visible as an escape, in text and GitHub annotations. */
    @Test
    void aNulInAValueIsAPositionedErrorShownEscaped() {
        CliHarness cli = new CliHarness();
        cli.write("/nul.yaml", "jobgen: 1\njobs:\n  x:\n    command: [/bin/true]\n    schedule: daily\n"
                + "    on-failure: {email: \"a\\u0000b@c.d\"}\n");
        for (String format : new String[] {"text", "github"}) {
            CliHarness.Result r = cli.run("validate", "--format", format, "/nul.yaml");
            assertEquals(1, r.exit(), r.err());
            String shown = r.out() + r.err();
            assertTrue(shown.contains("'a\\x00b@c.d' is not an email address") && shown.indexOf('\0') < 0, shown);
            assertTrue(shown.contains(format.equals("text") ? "/nul.yaml:6:25: error[invalid-value]" : "file=/nul.yaml,line=6,col=25"), shown);
        }
    }

    /** Errors found while planning units (a line over systemd's limit) are not hidden by another file's errors. */
    @Test
    void planTimeErrorsAreReportedBesideOtherFilesErrors() {
        CliHarness cli = new CliHarness();
        cli.write("/bad.yaml", BAD);
        String arg = "x".repeat(600_000);
        cli.write("/long.yaml", "jobgen: 1\njobs:\n  l:\n    command: [/bin/echo, " + arg + ", " + arg + "]\n    schedule: daily\n");
        CliHarness.Result r = cli.run("validate", "/bad.yaml", "/long.yaml");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("/bad.yaml:5:5: error[unknown-key]"), r.err());
        assertTrue(r.err().contains("/long.yaml:3:3: error[unrepresentable-value]: 'l' cannot be written into a unit file: ExecStart= would be"),
                r.err().substring(0, Math.min(2000, r.err().length())));
    }

    @Test
    void renderReportsTheReadableFilesBeforeRefusingAnUnreadableOne() {
        CliHarness cli = new CliHarness();
        cli.write("/bad.yaml", BAD);
        CliHarness.Result r = cli.run("render", "/bad.yaml", "/missing.yaml");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().startsWith("/bad.yaml:5:5: error[unknown-key]"), r.err());
        assertTrue(r.err().endsWith("jobgen: /missing.yaml: no such file\n"), r.err());
    }
}
