package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobgen.history.HistoryLog;
import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
    @TempDir
    Path state;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err), Clock.systemUTC(), FileSystems.getDefault(), Map.of());
        return Jobgen.commandLine(ctx).execute(args);
    }

    @BeforeEach
    void history() throws Exception {
        Instant t = Instant.parse("2026-05-01T03:00:00Z");
        HistoryLog log = new HistoryLog(state);
        log.append(new RunRecord("a", "backup", Optional.of(t), t, t.plusMillis(1234), 1, Outcome.SUCCESS, 0, "n1"));
        log.append(new RunRecord("b", "backup", Optional.empty(), t.plusSeconds(60), t.plusSeconds(60 + 4000), 3, Outcome.FAILED, 2, "n1"));
        log.append(new RunRecord("c", "backup", Optional.empty(), t.plusSeconds(120), t.plusSeconds(120), 0, Outcome.SKIPPED_LOCKED, 0, "n1"));
    }

    /** Issue 14 item 9: one line that is not UTF-8 used to fail the whole command ("Input length = 1"). */
    @Test
    void aNonUtf8LineIsSkippedAndCounted() throws Exception {
        Files.write(state.resolve(HistoryLog.FILE), new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}', '\n'}, StandardOpenOption.APPEND);
        new HistoryLog(state).append(new RunRecord("d", "backup", Optional.empty(), Instant.parse("2026-05-01T04:00:00Z"),
                Instant.parse("2026-05-01T04:00:01Z"), 1, Outcome.SUCCESS, 0, "n1"));
        assertEquals(0, run("history", "backup", "--state-dir", state.toString(), "--format", "json"));
        assertEquals(4, new ObjectMapper().readTree(out.toString()).size());
        assertTrue(err.toString().contains("skipped 1 unreadable line"), err.toString());
    }

    @Test
    void table() {
        assertEquals(0, run("history", "backup", "--state-dir", state.toString(), "--limit", "2"));
        String[] lines = out.toString().split("\n");
        assertEquals(3, lines.length, out.toString());
        assertTrue(lines[0].startsWith("START"), lines[0]);
        assertTrue(lines[1].matches("2026-05-01T03:01:00Z\\s+1h06m40s\\s+failed\\s+2\\s+3\\s+-\\s+b"), lines[1]);
        assertTrue(lines[2].matches("2026-05-01T03:02:00Z\\s+0.000s\\s+skipped-locked\\s+0\\s+0\\s+-\\s+c"), lines[2]);
    }

    @Test
    void aLongOutcomeAndPeriodKeepTheColumnsInLine() throws Exception {
        Instant t = Instant.parse("2026-05-01T05:00:00Z");
        new HistoryLog(state).append(new RunRecord("d", "backup", Optional.of(t.plusNanos(123_456_000)), t, t.plusSeconds(2), 1,
                Outcome.SKIPPED_UNAVAILABLE, 0, "n1"));
        assertEquals(0, run("history", "backup", "--state-dir", state.toString()));
        java.util.List<String> lines = out.toString().lines().toList();
        String header = lines.get(0);
        int outcome = header.indexOf("OUTCOME");
        int period = header.indexOf("PERIOD");
        int runId = header.indexOf("RUN ID");
        int exitEnd = header.indexOf("EXIT") + "EXIT".length();
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.charAt(outcome) != ' ' && line.startsWith("  ", outcome - 2), "OUTCOME out of line:\n" + out);
            assertTrue(line.charAt(period) != ' ' && line.startsWith("  ", period - 2), "PERIOD out of line:\n" + out);
            assertTrue(line.charAt(runId) != ' ' && line.startsWith("  ", runId - 2), "RUN ID out of line:\n" + out);
            assertTrue(Character.isDigit(line.charAt(exitEnd - 1)) && line.charAt(exitEnd) == ' ', "EXIT not right-aligned:\n" + out);
        }
        assertTrue(out.toString().contains("skipped-unavailable  "), out.toString());
        assertTrue(out.toString().contains("2026-05-01T05:00:00.123456Z  d"), out.toString());
    }

    @Test
    void json() throws Exception {
        assertEquals(0, run("history", "backup", "--state-dir", state.toString(), "--format", "json"));
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals(3, doc.size());
        assertEquals("success", doc.get(0).get("outcome").asText());
        assertEquals(1234, doc.get(0).get("duration_ms").asInt());
        assertEquals("2026-05-01T03:00:00Z", doc.get(0).get("period").asText());
        assertTrue(doc.get(1).get("period").isNull());
    }

    @Test
    void missingStateDirIsOneLine() {
        assertEquals(1, run("history", "backup", "--state-dir", state.resolve("nope").toString()));
        assertTrue(err.toString().startsWith("jobgen: no history for job 'backup': "), err.toString());
        assertEquals(1, err.toString().split("\n").length);
        assertEquals(2, run("history", "Bad/Job"));
    }

    @Test
    void missingClusterUrlFileSaysWhatIsWrongWithIt() {
        Path missing = state.resolve("no-such-url");
        assertEquals(1, run("history", "backup", "--cluster", "--cluster-url-file", missing.toString()));
        assertEquals("jobgen: cannot read the cluster URL: " + missing + ": no such file or directory\n", err.toString());
    }
}
