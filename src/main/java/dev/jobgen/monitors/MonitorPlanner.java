package dev.jobgen.monitors;

import dev.jobgen.model.Job;
import dev.jobgen.model.Schedule;
import dev.jobgen.time.CalendarSpec;
import dev.jobgen.time.ScheduleAnalysis;
import dev.jobgen.time.TimeSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check each job should have at a provider. Pure: the zone the timers run in (for jobs
 * without {@code timezone:}), the instant the schedules are examined from and the systemd version
 * the catalogue targets (whose calendar rules decide when its timers elapse) are parameters.
 *
 * <p>The schedule is the most exact form the provider takes: the job's own calendar expressions
 * where its API documents that it accepts them, else a cron line proven equivalent (a
 * {@code cron:} job's own line; see {@link CalendarCron}), else the longest gap between elapses
 * over the coming year as a period. The grace covers everything that can delay the end ping after
 * an elapse: jitter, accuracy, every attempt running to its timeout, the retry pauses, and a
 * minute of slack as {@code jobgen status} allows.
 */
public final class MonitorPlanner {
    /** The range both providers accept for a grace or a period, in seconds. */
    static final long MIN_SECONDS = 60;
    static final long MAX_SECONDS = 31_536_000;
    private static final Map<String, String> CRON_SHORTHANDS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");

    private MonitorPlanner() {}

    public static List<DesiredMonitor> plan(List<Job> jobs, Provider provider, ZoneId localZone, Instant from, int systemdVersion) {
        List<DesiredMonitor> out = new ArrayList<>();
        for (Job job : jobs) {
            out.add(plan(job, provider, localZone, from, systemdVersion));
        }
        return out;
    }

    static DesiredMonitor plan(Job job, Provider provider, ZoneId localZone, Instant from, int systemdVersion) {
        String description = job.description().orElse("jobgen job " + job.name());
        long grace = grace(job);
        if (!job.timer().enabled()) {
            return new DesiredMonitor(job.name(), description, Optional.empty(), grace, "enabled: false, no check");
        }
        String zone = job.timer().timezone().orElse(localZone.getId());
        return job.timer().schedule().match(
                calendar -> fromCalendar(job, calendar.expressions(), provider, localZone, zone, from, systemdVersion, description, grace),
                cron -> cron.atBoot()
                        ? new DesiredMonitor(job.name(), description, Optional.empty(), grace, "@reboot has no schedule to watch")
                        : new DesiredMonitor(job.name(), description,
                                Optional.of(new ExpectedSchedule.Cron(CRON_SHORTHANDS.getOrDefault(cron.expression().trim(), cron.expression().trim()), zone)),
                                grace, "the job's own cron line"),
                every -> new DesiredMonitor(job.name(), description,
                        Optional.of(new ExpectedSchedule.Period(clamp(seconds(every.interval())))), grace,
                        "every: runs relative to the last activation"));
    }

    private static DesiredMonitor fromCalendar(Job job, List<String> expressions, Provider provider, ZoneId localZone, String zone,
            Instant from, int systemdVersion, String description, long grace) {
        if (provider.takesCalendar(String.join("\n", expressions))) {
            return new DesiredMonitor(job.name(), description, Optional.of(new ExpectedSchedule.Calendar(expressions, zone)), grace,
                    provider.id() + " takes OnCalendar expressions");
        }
        List<CalendarSpec> specs = ScheduleAnalysis.specs(expressions, localZone, systemdVersion);
        if (specs.size() == 1) {
            Optional<ExpectedSchedule.Cron> cron = CalendarCron.of(specs.get(0), localZone, from);
            if (cron.isPresent()) {
                return new DesiredMonitor(job.name(), description, cron.map(ExpectedSchedule.class::cast), grace,
                        "a cron line with the same elapses");
            }
        }
        List<Instant> elapses = ScheduleAnalysis.upcoming(specs, from, from.plus(Duration.ofDays(400)), 2000);
        if (elapses.size() < 2) {
            return new DesiredMonitor(job.name(), description, Optional.empty(), grace, "fewer than two elapses in the coming year");
        }
        long longest = 0;
        for (int i = 1; i < elapses.size(); i++) {
            longest = Math.max(longest, Duration.between(elapses.get(i - 1), elapses.get(i)).toSeconds());
        }
        return new DesiredMonitor(job.name(), description, Optional.of(new ExpectedSchedule.Period(clamp(longest))), grace,
                "no exact cron line; the longest gap between elapses");
    }

    /** Jitter + accuracy + every attempt's timeout + the retry pauses + 1 minute, in whole seconds. */
    static long grace(Job job) {
        long micros = job.timer().accuracy().saturatedMicros();
        micros = saturatedAdd(micros, job.timer().jitter().map(TimeSpan::saturatedMicros).orElse(0L));
        int attempts = job.runner().retry().attempts();
        long timeout = job.runner().timeout().saturatedMicros();
        micros = saturatedAdd(micros, timeout > Long.MAX_VALUE / attempts ? Long.MAX_VALUE : timeout * attempts);
        for (int n = 1; n < attempts; n++) {
            micros = saturatedAdd(micros, job.runner().retry().delayAfterAttemptMicros(n));
        }
        micros = saturatedAdd(micros, 60_000_000L);
        return clamp(micros / 1_000_000L + (micros % 1_000_000L == 0 ? 0 : 1));
    }

    private static long seconds(TimeSpan span) {
        return span.saturatedMicros() / 1_000_000L;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    static long clamp(long seconds) {
        return Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, seconds));
    }
}
