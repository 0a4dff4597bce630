package dev.jobgen.status;

import dev.jobgen.history.HistorySummary;
import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import dev.jobgen.model.Job;
import dev.jobgen.model.Schedule;
import dev.jobgen.time.CalendarSpec;
import dev.jobgen.time.ScheduleAnalysis;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Compares a job's history with its schedule at an instant (pure: the history, "now", the
 * node's zone, for schedules without one, and the systemd version the catalogue targets, whose
 * calendar rules decide when the timer elapses, are given). An elapse is <em>due</em> once its grace has passed: jitter, timer accuracy and a
 * minute of start-up slack. Then:
 * <ul>
 *   <li>LATE: the latest due elapse has no run that started at or after it;
 *   <li>MISSED: an earlier due elapse (among the last {@value #LOOKBACK}, since the history began)
 *       had no run before the elapse after it (catch-up would have started one);
 *   <li>FAILING: the last run that started the command did not succeed;
 *   <li>NEVER-RUN: no history and nothing due yet; SUSPENDED: {@code enabled: false};
 *       NO-HISTORY: a job that runs without the runner keeps none.
 * </ul>
 * Runs of every kind count as "started" (a skip because the period was done or the lock was held
 * is the job working as designed), but a last run {@code blocked} (the lock held longer than the
 * job may take) makes the job LATE.
 */
public final class HealthEvaluator {
    static final int LOOKBACK = 10;
    static final Duration SLACK = Duration.ofMinutes(1);
    /** How many elapses within the grace the next elapse is walked through before searching from "now". */
    private static final int CHAIN_STEPS = 1000;

    private HealthEvaluator() {}

    public static JobStatus evaluate(Job job, List<RunRecord> history, Instant now, ZoneId localZone, int systemdVersion) {
        List<RunRecord> runs = history.stream().sorted(Comparator.comparing(RunRecord::start)).toList();
        HistorySummary summary = HistorySummary.of(runs);
        // parsed once: both the next and the due elapses need them
        if (!job.timer().enabled()) {
            // no timer, so no elapses to walk
            return new JobStatus(job.name(), Health.SUSPENDED, List.of("enabled: false"), summary, Optional.empty());
        }
        List<CalendarSpec> specs = ScheduleAnalysis.specs(job.timer().schedule().calendarExpressions(), localZone, systemdVersion);
        Duration grace = grace(job);
        List<Instant> due = dueElapses(job, specs, runs, now, grace);
        Optional<Instant> next = nextExpected(job, specs, runs, due, now);
        if (!job.usesRunner()) {
            return new JobStatus(job.name(), Health.NO_HISTORY,
                    List.of("runs without the runner, so only the journal knows its runs"), summary, next);
        }
        List<String> reasons = new ArrayList<>();
        Health health = Health.OK;
        if (!due.isEmpty()) {
            Instant latest = due.get(due.size() - 1);
            if (runs.stream().noneMatch(r -> !r.start().isBefore(latest))) {
                health = Health.LATE;
                reasons.add("no run since the elapse at " + latest + " (grace " + grace.toSeconds() + "s)");
            }
            for (int i = 0; i < due.size() - 1; i++) {
                Instant from = due.get(i);
                Instant to = due.get(i + 1);
                if (runs.stream().noneMatch(r -> !r.start().isBefore(from) && r.start().isBefore(to))) {
                    health = health == Health.OK ? Health.MISSED : health;
                    reasons.add("no run for the elapse at " + from);
                }
            }
        }
        if (summary.lastRun().isPresent() && summary.lastRun().get().outcome() == Outcome.BLOCKED) {
            // the job is not running because something holds its lock for too long: late, whatever the schedule says
            health = Health.LATE;
            reasons.add("the lock was held longer than the job may take at " + summary.lastRun().get().start() + " (outcome blocked)");
        }
        if (summary.consecutiveFailures() > 0) {
            health = health == Health.OK ? Health.FAILING : health;
            reasons.add(summary.consecutiveFailures() + " consecutive failure" + (summary.consecutiveFailures() == 1 ? "" : "s"));
        }
        if (health == Health.OK && runs.isEmpty()) {
            health = Health.NEVER_RUN;
        }
        return new JobStatus(job.name(), health, reasons, summary, next);
    }

    /** Jitter, accuracy and a minute: how long after an elapse a start may still be on time. */
    static Duration grace(Job job) {
        long micros = job.timer().accuracy().saturatedMicros() + job.timer().jitter().map(j -> j.saturatedMicros()).orElse(0L);
        return Duration.ofNanos(Math.min(micros, Long.MAX_VALUE / 1000) * 1000).plus(SLACK);
    }

    /**
     * Elapses that should have started a run by {@code now}: for calendar schedules the last
     * {@value #LOOKBACK} elapses since the history began; for intervals, one, an interval after the last run.
     *
     * <p>A timer computes each elapse from the one before, and before systemd 257 the path
     * matters: after December 29th, 252 skips January 1st of {@code *-*-1/7} in New York, which a
     * search started on that day finds. So the backward search only finds the oldest one; the
     * rest follow the timer's own chain.
     */
    static List<Instant> dueElapses(Job job, List<CalendarSpec> specs, List<RunRecord> runs, Instant now, Duration grace) {
        Instant cutoff = now.minus(grace);
        if (job.timer().schedule() instanceof Schedule.Every every) {
            return afterLastRun(every, runs).filter(expected -> expected.isBefore(cutoff)).stream().toList();
        }
        Instant since = runs.isEmpty() ? cutoff : runs.get(0).start();
        List<Instant> due = new ArrayList<>();
        Instant at = cutoff;
        while (due.size() < LOOKBACK) {
            Optional<Instant> previous = ScheduleAnalysis.latestAtOrBefore(specs, at);
            if (previous.isEmpty() || previous.get().isBefore(since)) {
                break;
            }
            due.add(0, previous.get());
            at = previous.get().minusNanos(1000);
        }
        if (due.isEmpty()) {
            return due;
        }
        List<Instant> chain = new ArrayList<>(List.of(due.get(0)));
        // the chain holds no more elapses than the set it is drawn from; the bound only keeps the walk finite
        chain.addAll(ScheduleAnalysis.upcoming(specs, due.get(0), cutoff.plusNanos(1000), 4 * LOOKBACK));
        return List.copyOf(chain.subList(Math.max(0, chain.size() - LOOKBACK), chain.size()));
    }

    /** The timer's next elapse after {@code now}, on the chain from the latest due elapse (see {@link #dueElapses}). */
    static Optional<Instant> nextExpected(Job job, List<CalendarSpec> specs, List<RunRecord> runs, List<Instant> due, Instant now) {
        if (job.timer().schedule() instanceof Schedule.Every every) {
            return afterLastRun(every, runs);
        }
        Instant at = due.isEmpty() ? now : due.get(due.size() - 1);
        for (int step = 0; step < CHAIN_STEPS && at.isBefore(now); step++) {
            Optional<Instant> n = ScheduleAnalysis.next(specs, at);
            if (n.isEmpty() || n.get().isAfter(now)) {
                return n;
            }
            at = n.get();
        }
        return ScheduleAnalysis.next(specs, at.isBefore(now) ? now : at);
    }

    /** An interval job's next run: an interval after the last one ended (none before a first run). */
    private static Optional<Instant> afterLastRun(Schedule.Every every, List<RunRecord> runs) {
        return runs.isEmpty() ? Optional.empty()
                : Optional.of(runs.get(runs.size() - 1).end().plusNanos(every.interval().saturatedMicros() * 1000));
    }
}
