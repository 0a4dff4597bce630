package dev.jobgen.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.history.HistoryLog;
import dev.jobgen.history.HistoryReader;
import dev.jobgen.history.HistorySummary;
import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import dev.jobgen.history.RunRecordJson;
import dev.jobgen.runner.MetricsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runs.jsonl: the line format, rotation, the summary and the metrics computed from it. */
class HistoryTest {
    @TempDir
    Path dir;

    static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    static RunRecord rec(int i, Outcome outcome, int exit) {
        Instant start = T0.plusSeconds(86400L * i);
        return new RunRecord("id-" + i, "backup", Optional.of(start), start, start.plusMillis(1500), outcome.isSkip() ? 0 : 1,
                outcome, exit, "node-1");
    }

    /** Issue 14 item 10: a write cut short by a full disk must not swallow the next record. */
    @Test
    void anAppendAfterATornLineStartsOnAFreshLine() throws Exception {
        HistoryLog log = new HistoryLog(dir);
        log.append(rec(0, Outcome.SUCCESS, 0));
        String torn = RunRecordJson.toJson(rec(1, Outcome.FAILED, 1));
        Files.writeString(dir.resolve(HistoryLog.FILE), torn.substring(0, 40), java.nio.file.StandardOpenOption.APPEND);
        log.append(rec(2, Outcome.SUCCESS, 0));
        HistoryReader.History h = HistoryReader.readCounting(dir);
        assertEquals(List.of("id-0", "id-2"), h.runs().stream().map(RunRecord::runId).toList());
        assertEquals(1, h.skippedLines());
    }

    @Test
    void badBytesSkipOnlyTheirOwnLine() throws Exception {
        HistoryLog log = new HistoryLog(dir);
        log.append(rec(0, Outcome.SUCCESS, 0));
        Files.write(dir.resolve(HistoryLog.FILE), new byte[] {(byte) 0xc3, '(', '\n', 'x', '\n'}, java.nio.file.StandardOpenOption.APPEND);
        log.append(rec(1, Outcome.SUCCESS, 0));
        HistoryReader.History h = HistoryReader.readCounting(dir);
        assertEquals(2, h.runs().size());
        assertEquals(2, h.skippedLines());
        assertTrue(h.warning(dir).contains("skipped 2 unreadable lines"), h.warning(dir));
    }

    @Test
    void lineFormatIsStable() {
        assertEquals("{\"run_id\":\"id-0\",\"job\":\"backup\",\"period\":\"2026-03-01T02:00:00Z\",\"start\":\"2026-03-01T02:00:00Z\","
                + "\"end\":\"2026-03-01T02:00:01.5Z\",\"duration_ms\":1500,\"attempts\":1,\"outcome\":\"failed\",\"exit_code\":3,"
                + "\"host\":\"node-1\"}", RunRecordJson.toJson(rec(0, Outcome.FAILED, 3)));
        RunRecord r = rec(1, Outcome.SKIPPED_DONE, 0);
        assertEquals(Optional.of(r), RunRecordJson.parse(RunRecordJson.toJson(r)));
        assertEquals(Optional.empty(), RunRecordJson.parse("{\"run_id\":\"torn"));
    }

    @Test
    void lineEscapesStringsAsJacksonDoes() throws Exception {
        String host = "n\"o\\d\te\n\u0001\u001f\b\f\r-é";
        RunRecord r = new RunRecord("id", "backup", Optional.empty(), T0, T0, 1, Outcome.SUCCESS, 0, host);
        java.io.StringWriter expected = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(expected)) {
            g.writeStartObject();
            g.writeStringField("run_id", "id");
            g.writeStringField("job", "backup");
            g.writeNullField("period");
            g.writeStringField("start", "2026-03-01T02:00:00Z");
            g.writeStringField("end", "2026-03-01T02:00:00Z");
            g.writeNumberField("duration_ms", 0);
            g.writeNumberField("attempts", 1);
            g.writeStringField("outcome", "success");
            g.writeNumberField("exit_code", 0);
            g.writeStringField("host", host);
            g.writeEndObject();
        }
        assertEquals(expected.toString(), RunRecordJson.toJson(r));
        assertEquals(Optional.of(r), RunRecordJson.parse(RunRecordJson.toJson(r)));
    }

    @Test
    void appendRotatesAndReadsBothFilesInOrder() throws Exception {
        HistoryLog log = new HistoryLog(dir, 1000);
        List<RunRecord> written = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            RunRecord r = rec(i, Outcome.SUCCESS, 0);
            log.append(r);
            written.add(r);
        }
        assertTrue(Files.exists(dir.resolve("runs.jsonl.1")));
        assertTrue(Files.size(dir.resolve("runs.jsonl")) <= 1000);
        List<RunRecord> read = HistoryReader.read(dir);
        assertTrue(read.size() >= 4 && read.size() < 12, "bounded: " + read.size());
        assertEquals(written.subList(12 - read.size(), 12), read, "the newest records, oldest first");
    }

    @Test
    void summaryCountsConsecutiveFailuresIgnoringSkips() {
        List<RunRecord> h = List.of(rec(0, Outcome.FAILED, 1), rec(1, Outcome.SUCCESS, 0), rec(2, Outcome.FAILED, 1),
                rec(3, Outcome.SKIPPED_LOCKED, 0), rec(4, Outcome.TIMEOUT, 143), rec(5, Outcome.SKIPPED_DONE, 0));
        HistorySummary s = HistorySummary.of(h);
        assertEquals(2, s.consecutiveFailures());
        assertEquals("id-1", s.lastSuccess().get().runId());
        assertEquals("id-5", s.lastRun().get().runId());
        assertEquals("id-4", HistorySummary.lastAttempted(h).get().runId());
        assertEquals(2, s.countsByOutcome().get(Outcome.FAILED));
        assertEquals(0, s.countsByOutcome().get(Outcome.KILLED));
    }

    @Test
    void metricsText() {
        List<RunRecord> h = List.of(rec(0, Outcome.SUCCESS, 0), rec(1, Outcome.TIMEOUT, 143), rec(2, Outcome.SKIPPED_LOCKED, 0));
        String text = MetricsWriter.render("backup", h, Optional.of(Instant.parse("2026-03-04T02:00:00Z")));
        assertEquals(String.join("\n",
                "# HELP jobgen_last_success_timestamp_seconds End of the last successful run.",
                "# TYPE jobgen_last_success_timestamp_seconds gauge",
                "jobgen_last_success_timestamp_seconds{job=\"backup\"} 1772330401.500",
                "# HELP jobgen_last_run_timestamp_seconds End of the last run that started the command.",
                "# TYPE jobgen_last_run_timestamp_seconds gauge",
                "jobgen_last_run_timestamp_seconds{job=\"backup\"} 1772416801.500",
                "# HELP jobgen_last_duration_seconds Duration of the last run that started the command.",
                "# TYPE jobgen_last_duration_seconds gauge",
                "jobgen_last_duration_seconds{job=\"backup\"} 1.500",
                "# HELP jobgen_last_exit_code Exit status of the last run that started the command.",
                "# TYPE jobgen_last_exit_code gauge",
                "jobgen_last_exit_code{job=\"backup\"} 143",
                "# HELP jobgen_consecutive_failures Failed runs since the last success.",
                "# TYPE jobgen_consecutive_failures gauge",
                "jobgen_consecutive_failures{job=\"backup\"} 1",
                "# HELP jobgen_consecutive_lock_skips Runs skipped because the lock was busy, since the last other run.",
                "# TYPE jobgen_consecutive_lock_skips gauge",
                "jobgen_consecutive_lock_skips{job=\"backup\"} 1",
                "# HELP jobgen_next_expected_timestamp_seconds Next elapse of the job's schedule.",
                "# TYPE jobgen_next_expected_timestamp_seconds gauge",
                "jobgen_next_expected_timestamp_seconds{job=\"backup\"} 1772589600",
                "# HELP jobgen_runs_total Runs in the kept history, by outcome.",
                "# TYPE jobgen_runs_total counter",
                "jobgen_runs_total{job=\"backup\",outcome=\"success\"} 1",
                "jobgen_runs_total{job=\"backup\",outcome=\"failed\"} 0",
                "jobgen_runs_total{job=\"backup\",outcome=\"timeout\"} 1",
                "jobgen_runs_total{job=\"backup\",outcome=\"killed\"} 0",
                "jobgen_runs_total{job=\"backup\",outcome=\"skipped-locked\"} 1",
                "jobgen_runs_total{job=\"backup\",outcome=\"skipped-done\"} 0",
                "jobgen_runs_total{job=\"backup\",outcome=\"skipped-peer\"} 0",
                "jobgen_runs_total{job=\"backup\",outcome=\"skipped-unavailable\"} 0",
                "jobgen_runs_total{job=\"backup\",outcome=\"unavailable\"} 0",
                "jobgen_runs_total{job=\"backup\",outcome=\"blocked\"} 0",
                "jobgen_runs_total{job=\"backup\",outcome=\"orphaned\"} 0",
                ""), text);
    }
}
