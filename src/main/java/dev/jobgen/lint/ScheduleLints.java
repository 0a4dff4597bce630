package dev.jobgen.lint;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.model.Catalogue;
import dev.jobgen.model.Job;
import dev.jobgen.model.Schedule;
import dev.jobgen.time.CalendarSpec;
import dev.jobgen.time.ScheduleAnalysis;
import java.time.ZoneOffset;
import dev.jobgen.time.TimeSpan;
import dev.jobgen.time.TzLegacy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Warnings that need the calendar engine and a reference instant: runs that can outlast the gap
 * to the next elapse, jitter as large as that gap, elapses inside DST changes, many jobs starting
 * at the same instant, and retries of jobs that are not idempotent. Gaps are measured over the
 * next {@value #GAP_SAMPLE} elapses within a year (enough to see weekly and monthly patterns and
 * cheap for catalogues of thousands of jobs).
 */
public final class ScheduleLints {
    static final int GAP_SAMPLE = 32;
    static final Duration HERD_WINDOW = Duration.ofDays(1);
    public static final int DEFAULT_HERD_THRESHOLD = 10;

    private ScheduleLints() {}

    public static void check(List<Catalogue> catalogues, Instant now, int herdThreshold, Diagnostics diagnostics) {
        Map<Instant, List<Job>> starts = new TreeMap<>();
        // catalogues repeat schedules ("daily", "hourly"...): each distinct one is analysed once
        Map<List<Object>, Analysis> analyses = new HashMap<>();
        for (Catalogue catalogue : catalogues) {
            int version = catalogue.target().number();
            for (Job job : catalogue.jobs()) {
                // as the catalogue's target computes the elapses, where systemd versions differ
                Analysis a = analyses.computeIfAbsent(List.of(job.timer().schedule().calendarExpressions(), version),
                        k -> analyse(job, version, now));
                Optional<Long> gap = job.timer().schedule() instanceof Schedule.Every every
                        ? Optional.of(every.interval().saturatedMicros()) : a.gap();
                Diagnostics found = new Diagnostics();
                a.legacyZones().forEach(z -> legacyZone(job, z, found));
                gap.ifPresent(g -> overlap(job, g, found));
                gap.ifPresent(g -> jitter(job, g, found));
                if (job.runner().retry().retries() && !job.runner().idempotent()) {
                    found.warning(DiagnosticCode.RETRY_NOT_IDEMPOTENT, job.at("retry"), job.name());
                }
                a.dst().ifPresent(d -> found.warning(DiagnosticCode.DST_TRANSITION, job.at("schedule"), job.name(), d.zone(), d.findings()));
                diagnostics.addAllExcept(found, catalogue.silencedWarnings(job));
                // a job that silences thundering-herd is content to start with others, so it counts towards no herd
                boolean herdSilenced = catalogue.silencedWarnings(job).contains(DiagnosticCode.THUNDERING_HERD);
                if (!herdSilenced && job.timer().jitter().filter(j -> j.usec() != 0).isEmpty()) {
                    for (Instant t : a.nextDay()) {
                        starts.computeIfAbsent(t, k -> new ArrayList<>()).add(job);
                    }
                }
            }
        }
        herd(starts, herdThreshold, diagnostics);
    }

    /** What the engine says about one schedule: its shortest gap, its DST trouble, its next day of elapses. */
    private record Analysis(Optional<Long> gap, Optional<DstCheck.Finding> dst, List<Instant> nextDay, List<String> legacyZones) {}

    private static Analysis analyse(Job job, int version, Instant now) {
        List<CalendarSpec> specs = ScheduleAnalysis.specs(job.timer().schedule().calendarExpressions(), ZoneOffset.UTC, version);
        if (specs.isEmpty()) {
            return new Analysis(Optional.empty(), Optional.empty(), List.of(), List.of());
        }
        List<String> legacyZones = specs.stream().flatMap(s -> s.zoneName().stream())
                // a name some zone abbreviates its time with may be what fires the timer (systemd reads EST on a New York
                // node as its own zone's abbreviation), and "write America/Panama instead" would move it
                .filter(z -> TzLegacy.currentName(z).isPresent() && !TzLegacy.isSomeZonesAbbreviation(z)).distinct().toList();
        List<Instant> sample = ScheduleAnalysis.upcoming(specs, now, now.plus(Duration.ofDays(366)), GAP_SAMPLE);
        Optional<ScheduleAnalysis.Gap> gap = ScheduleAnalysis.shortestGap(sample);
        List<Instant> day = sample.size() < GAP_SAMPLE || !sample.get(sample.size() - 1).isBefore(now.plus(HERD_WINDOW))
                ? sample.stream().filter(t -> t.isBefore(now.plus(HERD_WINDOW))).toList()
                : ScheduleAnalysis.upcoming(specs, now, now.plus(HERD_WINDOW), 24 * 60);
        Optional<Long> gapMicros = gap.map(g -> g.length().toNanos() / 1000);
        return new Analysis(gapMicros, DstCheck.check(specs, gap, now), day, legacyZones);
    }

    /** The longest a run can take: every attempt at its timeout, plus the delays between them. */
    static Optional<Long> longestRunMicros(Job job) {
        if (job.runner().timeout().isInfinite()) {
            return Optional.empty();
        }
        try {
            long total = Math.multiplyExact(job.runner().timeout().saturatedMicros(), (long) job.runner().retry().attempts());
            for (int n = 1; n < job.runner().retry().attempts(); n++) {
                total = Math.addExact(total, job.runner().retry().delayAfterAttemptMicros(n));
            }
            return Optional.of(total);
        } catch (ArithmeticException e) {
            return Optional.of(Long.MAX_VALUE);
        }
    }

    private static void overlap(Job job, long gap, Diagnostics diagnostics) {
        longestRunMicros(job).filter(run -> run > gap).ifPresent(run -> diagnostics.warning(
                DiagnosticCode.TIMEOUT_EXCEEDS_GAP, job.at(job.runner().retry().retries() ? "retry" : "timeout"), job.name(),
                human(run) + (job.keyPositions().containsKey("timeout") ? "" : " (the default timeout)"), human(gap)));
    }

    private static void jitter(Job job, long gap, Diagnostics diagnostics) {
        job.timer().jitter().filter(j -> j.usec() != 0 && j.saturatedMicros() >= gap).ifPresent(j -> diagnostics.warning(
                DiagnosticCode.JITTER_EXCEEDS_GAP, job.at("jitter"), job.name(), j.normalized(), human(gap)));
    }

    /**
     * A zone name a default Debian 13 (systemd 257) or newer lacks: systemd there refuses the timer
     * unless tzdata-legacy is installed. Warned for every target: fleets mix releases, and the
     * current name works on all of them.
     */
    private static void legacyZone(Job job, String zone, Diagnostics diagnostics) {
        String current = TzLegacy.currentName(zone).orElseThrow();
        diagnostics.warning(DiagnosticCode.LEGACY_TIMEZONE, job.at(job.keyPositions().containsKey("timezone") ? "timezone" : "schedule"),
                job.name(), zone, current);
    }


    private static void herd(Map<Instant, List<Job>> starts, int threshold, Diagnostics diagnostics) {
        // by identity: a Job record's own hashCode walks every field of its groups
        Set<Job> reported = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<Instant, List<Job>> e : starts.entrySet()) {
            List<Job> jobs = e.getValue();
            if (jobs.size() > threshold && jobs.stream().noneMatch(reported::contains)) {
                reported.addAll(jobs);
                Job first = jobs.get(0);
                diagnostics.warning(DiagnosticCode.THUNDERING_HERD, first.at("schedule"), String.valueOf(jobs.size()),
                        e.getKey() + " (" + String.join(", ", jobs.stream().limit(5).map(Job::name).toList())
                                + (jobs.size() > 5 ? ", ..." : "") + ")");
            }
        }
    }

    static String human(long micros) {
        return micros == Long.MAX_VALUE ? "ever" : new TimeSpan(micros).normalized();
    }
}
