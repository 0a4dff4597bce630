package dev.jobgen.lint;

import dev.jobgen.model.Job;
import dev.jobgen.time.CalendarException;
import dev.jobgen.time.CalendarSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The upcoming elapses of a job's calendar schedule (all its expressions merged), from the one engine. */
final class Elapses {
    private Elapses() {}

    /** The specs of a job's calendar expressions (empty for monotonic schedules). */
    static List<CalendarSpec> specs(Job job) {
        List<CalendarSpec> specs = new ArrayList<>();
        for (String expression : job.schedule().calendarExpressions()) {
            try {
                specs.add(CalendarSpec.parse(expression, ZoneOffset.UTC));
            } catch (CalendarException e) {
                throw new IllegalStateException("bound schedules are valid: " + expression, e);
            }
        }
        return specs;
    }

    /** Up to {@code limit} distinct elapses after {@code from}, before {@code until}, ascending. */
    static List<Instant> upcoming(List<CalendarSpec> specs, Instant from, Instant until, int limit) {
        List<Instant> out = new ArrayList<>();
        Instant[] heads = new Instant[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            heads[i] = specs.get(i).next(from).orElse(null);
        }
        while (out.size() < limit) {
            int min = -1;
            for (int i = 0; i < heads.length; i++) {
                if (heads[i] != null && (min < 0 || heads[i].isBefore(heads[min]))) {
                    min = i;
                }
            }
            if (min < 0 || !heads[min].isBefore(until)) {
                break;
            }
            Instant t = heads[min];
            if (out.isEmpty() || !out.get(out.size() - 1).equals(t)) {
                out.add(t);
            }
            for (int i = 0; i < heads.length; i++) {
                if (heads[i] != null && heads[i].equals(t)) {
                    heads[i] = specs.get(i).next(t).orElse(null);
                }
            }
        }
        return out;
    }

    /** The shortest time between two consecutive elapses in {@code elapses}, in microseconds. */
    static Optional<Long> shortestGapMicros(List<Instant> elapses) {
        long best = Long.MAX_VALUE;
        for (int i = 1; i < elapses.size(); i++) {
            java.time.Duration d = java.time.Duration.between(elapses.get(i - 1), elapses.get(i));
            best = Math.min(best, d.getSeconds() * 1_000_000L + d.getNano() / 1000);
        }
        return best == Long.MAX_VALUE ? Optional.empty() : Optional.of(best);
    }
}
