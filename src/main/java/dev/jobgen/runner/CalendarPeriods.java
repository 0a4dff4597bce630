package dev.jobgen.runner;

import dev.jobgen.runspec.UsageException;
import dev.jobgen.time.CalendarException;
import dev.jobgen.time.CalendarSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Periods from the job's {@code OnCalendar=} expressions through the one calendar engine: the
 * latest elapse of any of them at or before now. Each expression carries its own zone suffix;
 * those without one use {@code localZone}, as the timer does. Plain loops, no streams or lambdas:
 * each lambda call site costs the runner's start-up method-handle spinning that CDS cannot archive.
 *
 * <p>The runner cannot cheaply tell which systemd fires its timer, so it reckons with the rules whose
 * elapses include every other version's: {@link #RULES}. Where versions differ (a repetition
 * wrapping into a new month or year, src/docs/systemd-versions.md), an older systemd fires a subset
 * of those elapses, so every run still lands in the period of its own elapse; reckoning with 252's
 * rules instead, a 257 node's run of {@code *-*-1/7 06:00} on January 1st would fall into December
 * 29th's period and be skipped as done.
 */
public final class CalendarPeriods implements PeriodSource {
    /** The systemd whose calendar rules the runner's periods follow (see above). */
    static final int RULES = CalendarSpec.WIDEST_RULES_VERSION;

    private final List<CalendarSpec> specs;

    private CalendarPeriods(List<CalendarSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    /** Parses every expression; a bad one is a usage error naming it. */
    public static CalendarPeriods parse(List<String> expressions, ZoneId localZone) throws UsageException {
        List<CalendarSpec> specs = new ArrayList<>();
        for (String expression : expressions) {
            try {
                specs.add(CalendarSpec.parse(expression, localZone, RULES));
            } catch (CalendarException e) {
                throw new UsageException("--schedule: '" + expression + "' is not a calendar expression: " + e.getMessage());
            }
        }
        return new CalendarPeriods(specs);
    }

    @Override
    public Optional<Instant> periodAt(Instant now) {
        Instant latest = null;
        for (CalendarSpec spec : specs) {
            Instant p = spec.latestAtOrBefore(now).orElse(null);
            if (p != null && (latest == null || p.isAfter(latest))) {
                latest = p;
            }
        }
        return Optional.ofNullable(latest);
    }

    @Override
    public Optional<Instant> nextAfter(Instant now) {
        Instant next = null;
        for (CalendarSpec spec : specs) {
            Instant n = spec.next(now).orElse(null);
            if (n != null && (next == null || n.isBefore(next))) {
                next = n;
            }
        }
        return Optional.ofNullable(next);
    }
}
