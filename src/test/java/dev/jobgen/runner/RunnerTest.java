package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.history.HistoryReader;
import dev.jobgen.history.IsoInstant;
import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import dev.jobgen.runspec.RetryPolicy;
import dev.jobgen.runspec.RunSpec;
import dev.jobgen.time.TimeSpan;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner in this JVM around real shell children, with a fixed period. */
class RunnerTest {
    static final Instant PERIOD = Instant.parse("2026-01-01T02:00:00Z");

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(TestConfig c) throws Exception {
        return run(c, now -> Optional.of(PERIOD));
    }

    int run(TestConfig c, PeriodSource periods) throws Exception {
        RunSpec config = c.build();
        Console console = new Console(out, err, config.logTail());
        return new Runner(config, periods, Clock.systemUTC(), Map.of(), console, new Signals(), ProcessGroup.locate(), "test-host").run();
    }

    List<RunRecord> history() throws Exception {
        return HistoryReader.read(dir.resolve("state"));
    }

    String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void childSeesItsEnvironmentAndOutputPassesThrough() throws Exception {
        TestConfig c = new TestConfig(dir, "echo \"$JOBGEN_JOB|$JOBGEN_PERIOD|$JOBGEN_ATTEMPT|$JOBGEN_STATE_DIR|$JOBGEN_RUN_ID\"; echo oops >&2");
        assertEquals(0, run(c));
        String[] f = out.toString(StandardCharsets.UTF_8).trim().split("\\|");
        assertEquals("demo", f[0]);
        assertEquals("2026-01-01T02:00:00Z", f[1]);
        assertEquals("1", f[2]);
        assertEquals(dir.resolve("state").toString(), f[3]);
        assertTrue(f[4].matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), f[4]);
        assertEquals("oops\n", errText());
        RunRecord r = history().get(0);
        assertEquals(Outcome.SUCCESS, r.outcome());
        assertEquals(f[4], r.runId());
        assertEquals(Optional.of(PERIOD), r.period());
        assertEquals("test-host", r.host());
    }

    @Test
    void noScheduleMeansEmptyPeriod() throws Exception {
        TestConfig c = new TestConfig(dir, "printf '[%s]' \"$JOBGEN_PERIOD\"");
        assertEquals(0, run(c, PeriodSource.none()));
        assertEquals("[]", out.toString(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), history().get(0).period());
    }

    @Test
    void donePeriodIsSkippedAndForceRunsItAgain() throws Exception {
        Path count = dir.resolve("count");
        TestConfig c = new TestConfig(dir, "echo x >> " + count);
        c.idempotent = true;
        c.schedules = List.of("*-*-* 02:00:00");
        assertEquals(0, run(c));
        assertTrue(Files.isRegularFile(dir.resolve("state/stamps/2026-01-01T02:00:00Z")));
        assertEquals(0, run(c));
        assertEquals(1, Files.readAllLines(count).size(), "the done period must not run again");
        c.force = true;
        assertEquals(0, run(c));
        assertEquals(2, Files.readAllLines(count).size(), "--force runs it");
        assertEquals(List.of(Outcome.SUCCESS, Outcome.SKIPPED_DONE, Outcome.SUCCESS),
                history().stream().map(RunRecord::outcome).toList());
        c.force = false;
        assertEquals(0, run(c, now -> Optional.of(PERIOD.plusSeconds(86400))));
        assertEquals(3, Files.readAllLines(count).size(), "the next period runs");
    }

    @Test
    void failureWritesNoStamp() throws Exception {
        TestConfig c = new TestConfig(dir, "exit 4");
        c.idempotent = true;
        c.schedules = List.of("daily");
        assertEquals(4, run(c));
        assertFalse(Files.exists(dir.resolve("state/stamps/2026-01-01T02:00:00Z")));
        assertEquals(Outcome.FAILED, history().get(0).outcome());
        assertEquals(4, history().get(0).exitCode());
    }

    @Test
    void oldStampsArePruned() throws Exception {
        TestConfig c = new TestConfig(dir, "true");
        c.idempotent = true;
        c.schedules = List.of("daily");
        for (int day = 0; day < StampStore.KEEP + 3; day++) {
            Instant p = PERIOD.plusSeconds(86400L * day);
            assertEquals(0, run(c, now -> Optional.of(p)));
        }
        try (var s = Files.list(dir.resolve("state/stamps"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(StampStore.KEEP, names.size());
            assertEquals(IsoInstant.format(PERIOD.plusSeconds(86400L * (StampStore.KEEP + 2))), names.get(names.size() - 1));
        }
    }

    @Test
    void retriesKeepRunIdAndPeriodAndStopAtPermanentCodes() throws Exception {
        Path log = dir.resolve("attempts");
        TestConfig c = new TestConfig(dir, "echo \"$JOBGEN_RUN_ID $JOBGEN_PERIOD $JOBGEN_ATTEMPT\" >> " + log + "; exit 1");
        c.retry = new RetryPolicy(3, TestConfig.span(Duration.ofMillis(10)), 2.0, Optional.empty());
        c.permanentExitCodes = List.of(2, 78);
        assertEquals(1, run(c));
        List<String> lines = Files.readAllLines(log);
        assertEquals(3, lines.size());
        String runId = lines.get(0).split(" ")[0];
        for (int i = 0; i < 3; i++) {
            assertEquals(runId + " 2026-01-01T02:00:00Z " + (i + 1), lines.get(i));
        }
        assertEquals(3, history().get(0).attempts());

        Files.delete(log);
        c.command = List.of("/bin/sh", "-c", "echo again >> " + log + "; exit 78");
        assertEquals(78, run(c));
        assertEquals(1, Files.readAllLines(log).size(), "a permanent exit code is never retried");
    }

    @Test
    void retrySucceedsOnALaterAttempt() throws Exception {
        Path count = dir.resolve("count");
        TestConfig c = new TestConfig(dir, "echo x >> " + count + "; [ \"$JOBGEN_ATTEMPT\" = 2 ]");
        c.retry = new RetryPolicy(5, TimeSpan.ZERO, 1.0, Optional.empty());
        assertEquals(0, run(c));
        assertEquals(2, Files.readAllLines(count).size());
        assertEquals(2, history().get(0).attempts());
        assertEquals(Outcome.SUCCESS, history().get(0).outcome());
    }

    @Test
    void timeoutKillsTheWholeProcessGroupIncludingGrandchildren() throws Exception {
        Path pid = dir.resolve("grandchild.pid");
        TestConfig c = new TestConfig(dir, "sleep 300 & echo $! > " + pid + "; wait");
        c.timeout = Optional.of(Duration.ofMillis(500));
        int status = run(c);
        assertEquals(128 + 15, status);
        assertEquals(Outcome.TIMEOUT, history().get(0).outcome());
        long grandchild = Long.parseLong(Files.readString(pid).trim());
        assertTrue(Processes.awaitGone(grandchild, 2000), () -> "grandchild survived the timeout: " + errText() + Processes.describe(grandchild));
    }

    @Test
    void childIgnoringTermIsKilledAfterTheGrace() throws Exception {
        TestConfig c = new TestConfig(dir, "trap '' TERM; echo ready; while :; do sleep 0.05; done");
        c.timeout = Optional.of(Duration.ofMillis(300));
        c.killGrace = Duration.ofMillis(300);
        assertEquals(128 + 9, run(c));
        // spans as the flags write them, not Duration's PT0.3S
        assertTrue(errText().contains("attempt timed out after 300ms: terminating"), errText());
        assertTrue(errText().contains("still running 300ms after TERM: killing its process group"), errText());
    }

    @Test
    void signalToTheRunnerIsRecordedAsKilled() throws Exception {
        TestConfig c = new TestConfig(dir, "sleep 300");
        RunSpec config = c.build();
        Signals signals = new Signals();
        Console console = new Console(out, err, 100);
        Thread raiser = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            signals.raise(15);
        });
        raiser.start();
        int status = new Runner(config, PeriodSource.none(), Clock.systemUTC(), Map.of(), console, signals, ProcessGroup.locate(), "h").run();
        assertEquals(143, status);
        assertEquals(Outcome.KILLED, history().get(0).outcome());
        assertEquals(143, history().get(0).exitCode());
    }

    @Test
    void metricsAreWrittenAfterEveryRun() throws Exception {
        TestConfig c = new TestConfig(dir, "exit 3");
        c.metricsDir = Optional.of(dir.resolve("metrics"));
        run(c);
        run(c);
        String prom = Files.readString(dir.resolve("metrics/jobgen_demo.prom"));
        assertTrue(prom.contains("jobgen_consecutive_failures{job=\"demo\"} 2\n"), prom);
        assertTrue(prom.contains("jobgen_last_exit_code{job=\"demo\"} 3\n"), prom);
        assertTrue(prom.contains("jobgen_runs_total{job=\"demo\",outcome=\"failed\"} 2\n"), prom);
        assertFalse(prom.contains("jobgen_last_success_timestamp_seconds"), prom);
    }
}
