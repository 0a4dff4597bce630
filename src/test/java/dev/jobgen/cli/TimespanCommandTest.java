package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code jobgen timespan} through the CLI factory, and its text compared with the real systemd-analyze. */
class TimespanCommandTest {
    private static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");

    /** Exit status and both streams of one CLI run. */
    record Run(int status, String out, String err) {}

    static Run jobgen(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err), Clock.systemUTC(),
                FileSystems.getDefault(), Map.of());
        int status = Jobgen.commandLine(ctx).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void textIsSystemdsLayout() {
        Run run = jobgen("timespan", "1h30m", "5s500ms");
        assertEquals(0, run.status(), run.err());
        assertEquals("Original: 1h30m\n      \u03bcs: 5400000000\n   Human: 1h 30min\n\n"
                + "Original: 5s500ms\n      \u03bcs: 5500000\n   Human: 5.500000s\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void invalidSpanNamesTheColumnAndExitsOne() {
        Run run = jobgen("timespan", "1h", "1h 30x", "2s");
        assertEquals(1, run.status());
        assertTrue(run.out().contains("Original: 1h\n") && run.out().contains("Original: 2s\n"), run.out());
        assertEquals("jobgen: invalid time span '1h 30x' at column 6: unknown unit 'x'", run.err().lines().findFirst().orElseThrow()
                .replaceAll(" \\(units are.*", ""));
        assertEquals(List.of("    1h 30x", "         ^"), run.err().lines().skip(1).toList());
    }

    @Test
    void controlCharactersAreShownEscapedWithTheCaretAligned() {
        Run run = jobgen("timespan", "5s\n\u000b1y\u000bx");
        assertEquals(1, run.status());
        // the second vertical tab is not a blank for systemd (only strtoll skips it, and then finds no number)
        assertEquals(List.of("    5s\\n\\x0b1y\\x0bx", "              ^"), run.err().lines().skip(1).toList());
        assertTrue(run.err().startsWith("jobgen: invalid time span '5s\\n\\x0b1y\\x0bx' at column 7: unexpected U+000B"), run.err());
    }

    @Test
    void jsonIsOneArrayWithUnsignedMicroseconds() throws Exception {
        Run run = jobgen("timespan", "--format", "json", "infinity", "1h30m", "nope");
        assertEquals(1, run.status(), run.err());
        JsonNode array = new ObjectMapper().readTree(run.out());
        assertEquals(3, array.size());
        assertEquals(new BigInteger("18446744073709551615"), array.get(0).get("usec").bigIntegerValue());
        assertTrue(array.get(0).get("usec").isBigInteger(), "usec is a JSON number, not a string");
        assertEquals("infinity", array.get(0).get("normalized").asText());
        assertEquals(5400000000L, array.get(1).get("usec").longValue());
        assertEquals("1h 30min", array.get(1).get("normalized").asText());
        assertTrue(array.get(1).get("error").isNull());
        JsonNode bad = array.get(2);
        assertFalse(bad.get("valid").asBoolean());
        assertTrue(bad.get("usec").isNull() && bad.get("normalized").isNull());
        assertTrue(bad.get("error").asText().startsWith("invalid time span 'nope' at column 1"), bad.toString());
        assertEquals(List.of("span", "valid", "usec", "normalized", "error"), fieldNames(bad));
    }

    @Test
    void helpDescribesTheCommand() {
        Run run = jobgen("timespan", "--help");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("SPAN...") && run.out().contains("--format"), run.out());
    }

    @Test
    void githubFormatAndMissingSpansAreUsageErrors() {
        assertEquals(2, jobgen("timespan", "--format", "github", "1h").status());
        assertEquals(2, jobgen("timespan").status());
    }

    @Test
    void sameTextAsRealSystemdAnalyze() throws Exception {
        assumeTrue(Files.isExecutable(ANALYZE), "systemd-analyze is not installed here");
        String[] spans = {"1h30m", "0", "infinity", " 5.5s 0.5ms ", "1.502ms", "3.5M", "1y 1M 1w 1d 1h 1m 1s 1ms 1us",
            "9223372036854775807us", "584541y", "+5s", "5s5", "1.9999999s", "2 weeks", "59.999999s", "60s", "1.000000000001y"};
        List<String> command = new ArrayList<>(List.of(ANALYZE.toString(), "timespan", "--"));
        command.addAll(List.of(spans));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        List<String> args = new ArrayList<>(List.of("timespan", "--"));
        args.addAll(List.of(spans));
        Run run = jobgen(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        assertEquals(expected, run.out());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
