package dev.jobgen.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import dev.jobgen.model.Command;
import dev.jobgen.model.Job;
import dev.jobgen.model.Schedule;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.time.CalendarSpec;
import dev.jobgen.time.TimeSpan;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** History against schedule: every health a daily job can be in. */
class HealthEvaluatorTest {
    private static final Job DAILY = Job.builder("report", new Command.Argv(List.of("/bin/true")),
            new Schedule.Calendar(List.of("*-*-* 02:00:00"))).lock(new LockSpec.Node()).build();

    private static RunRecord run(String start, Outcome outcome) {
        Instant s = Instant.parse(start);
        return new RunRecord("id-" + start, "report", Optional.empty(), s, s.plusSeconds(30), 1, outcome,
                outcome == Outcome.SUCCESS ? 0 : 1, "node1");
    }

    private static JobStatus at(String now, RunRecord... runs) {
        return HealthEvaluator.evaluate(DAILY, List.of(runs), Instant.parse(now), ZoneOffset.UTC, CalendarSpec.DEFAULT_SYSTEMD_VERSION);
    }

    @Test
    void aJobThatRanEveryDayIsOkAndKnowsItsNextRun() {
        JobStatus s = at("2026-06-03T12:00:00Z", run("2026-06-02T02:00:01Z", Outcome.SUCCESS),
                run("2026-06-03T02:00:02Z", Outcome.SUCCESS));
        assertEquals(Health.OK, s.health(), s.reasons().toString());
        assertEquals(Optional.of(Instant.parse("2026-06-04T02:00:00Z")), s.nextExpected());
    }

    @Test
    void noRunSinceTheLatestElapseIsLateOnlyAfterTheGrace() {
        RunRecord yesterday = run("2026-06-02T02:00:01Z", Outcome.SUCCESS);
        assertEquals(Health.OK, at("2026-06-03T02:00:30Z", yesterday).health(), "within the grace");
        JobStatus late = at("2026-06-03T02:05:00Z", yesterday);
        assertEquals(Health.LATE, late.health());
        assertTrue(late.reasons().get(0).contains("2026-06-03T02:00:00Z"), late.reasons().toString());
    }

    @Test
    void aDayWithoutARunBetweenTwoRunsIsMissed() {
        JobStatus s = at("2026-06-04T12:00:00Z", run("2026-06-02T02:00:01Z", Outcome.SUCCESS),
                run("2026-06-04T02:00:01Z", Outcome.SUCCESS));
        assertEquals(Health.MISSED, s.health());
        assertEquals(List.of("no run for the elapse at 2026-06-03T02:00:00Z"), s.reasons());
    }

    @Test
    void failuresCountUntilASuccessAndSkipsAreRuns() {
        JobStatus failing = at("2026-06-04T12:00:00Z", run("2026-06-02T02:00:01Z", Outcome.SUCCESS),
                run("2026-06-03T02:00:01Z", Outcome.FAILED), run("2026-06-04T02:00:01Z", Outcome.TIMEOUT));
        assertEquals(Health.FAILING, failing.health());
        assertEquals(2, failing.history().consecutiveFailures());
        JobStatus skipped = at("2026-06-04T12:00:00Z", run("2026-06-02T02:00:01Z", Outcome.SUCCESS),
                run("2026-06-03T02:00:01Z", Outcome.SKIPPED_LOCKED), run("2026-06-04T02:00:01Z", Outcome.SKIPPED_DONE));
        assertEquals(Health.OK, skipped.health(), skipped.reasons().toString());
    }

    /** Issue 14 item 2: a lock held past the job's bound is not "the job working as designed". */
    @Test
    void aRunBlockedByALockHeldTooLongIsLate() {
        JobStatus s = at("2026-06-04T12:00:00Z", run("2026-06-03T02:00:01Z", Outcome.SUCCESS),
                run("2026-06-04T02:00:01Z", Outcome.BLOCKED));
        assertEquals(Health.LATE, s.health());
        assertTrue(s.reasons().get(0).contains("outcome blocked"), s.reasons().toString());
    }

    @Test
    void newSuspendedAndUnwrappedJobsAreNotUnhealthy() {
        assertEquals(Health.NEVER_RUN, at("2026-06-01T01:00:00Z").health());
        Job suspended = Job.builder("report", new Command.Argv(List.of("/bin/true")),
                new Schedule.Calendar(List.of("daily"))).lock(new LockSpec.Node()).enabled(false).build();
        assertEquals(Health.SUSPENDED, HealthEvaluator.evaluate(suspended, List.of(), Instant.parse("2026-06-05T00:00:00Z"), ZoneOffset.UTC, CalendarSpec.DEFAULT_SYSTEMD_VERSION).health());
        Job plain = Job.builder("plain", new Command.Argv(List.of("/bin/true")), new Schedule.Calendar(List.of("daily"))).build();
        assertEquals(Health.NO_HISTORY, HealthEvaluator.evaluate(plain, List.of(), Instant.parse("2026-06-05T00:00:00Z"), ZoneOffset.UTC, CalendarSpec.DEFAULT_SYSTEMD_VERSION).health());
    }

    @Test
    void anIntervalJobIsLateAnIntervalAfterItsLastRun() {
        Job every = Job.builder("poll", new Command.Argv(List.of("/bin/true")), new Schedule.Every(TimeSpan.ofSeconds(900)))
                .lock(new LockSpec.Node()).build();
        List<RunRecord> runs = new ArrayList<>(List.of(run("2026-06-01T10:00:00Z", Outcome.SUCCESS)));
        assertEquals(Health.OK, HealthEvaluator.evaluate(every, runs, Instant.parse("2026-06-01T10:15:00Z"), ZoneOffset.UTC, CalendarSpec.DEFAULT_SYSTEMD_VERSION).health());
        assertEquals(Health.LATE, HealthEvaluator.evaluate(every, runs, Instant.parse("2026-06-01T10:20:00Z"), ZoneOffset.UTC, CalendarSpec.DEFAULT_SYSTEMD_VERSION).health());
    }

    /**
     * The catalogue's target decides when the timer elapses. The conformance tables
     * (src/test/resources/conformance/N, {@code *-*-1/7 06:00} in America/New_York from
     * 2026-01-01T00:00Z) differ at a wrap: 257 fires on January 1st where 252 waits for the 8th,
     * and 247 goes from January 29th to February 8th where 252 fires on February 1st.
     */
    @ParameterizedTest(name = "systemd {0}: run at {1}, {3} at {2}")
    @CsvSource(delimiter = '|', value = {
        "247 | 2026-01-29T11:00:00Z | 2026-02-01T12:00:00Z | OK   | 2026-02-08T11:00:00Z",
        "252 | 2026-01-29T11:00:00Z | 2026-02-01T12:00:00Z | LATE | 2026-02-08T11:00:00Z",
        "252 | 2025-12-29T11:00:00Z | 2026-01-01T12:00:00Z | OK   | 2026-01-08T11:00:00Z",
        "257 | 2025-12-29T11:00:00Z | 2026-01-01T12:00:00Z | LATE | 2026-01-08T11:00:00Z",
    })
    void lateOrNotAsTheTargetedSystemdFiresAfterAWrap(int version, String ran, String now, Health health, String next) {
        Job weekly = Job.builder("report", new Command.Argv(List.of("/bin/true")),
                new Schedule.Calendar(List.of("*-*-1/7 06:00"))).lock(new LockSpec.Node()).build();
        JobStatus s = HealthEvaluator.evaluate(weekly, List.of(run(ran, Outcome.SUCCESS)), Instant.parse(now),
                ZoneId.of("America/New_York"), version);
        assertEquals(health, s.health(), s.reasons().toString());
        assertEquals(Optional.of(Instant.parse(next)), s.nextExpected());
    }
}
