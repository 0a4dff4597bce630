package dev.jobgen.lint;

import dev.jobgen.model.Job;
import dev.jobgen.time.CalendarException;
import dev.jobgen.time.CalendarSpec;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Elapses that fall into a daylight-saving change of the job's zone within five years: a wall
 * time that does not exist (spring forward) or occurs twice (fall back). The schedule is
 * evaluated on the wall clock (the same expression in UTC) to see whether it names a time inside
 * the change, and in the real zone to say what systemd will actually do. Schedules that elapse
 * more often than every two hours are left alone: losing or repeating one of many runs is their
 * normal life.
 */
final class DstCheck {
    private static final Duration HORIZON = Duration.ofDays(5 * 366);
    private static final long MIN_GAP_MICROS = Duration.ofHours(2).toNanos() / 1000;
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);
    private static final int SHOWN = 2;

    private DstCheck() {}

    /** The zone and the dates, as the warning prints them. */
    record Finding(String zone, String findings) {}

    static Optional<Finding> check(Job job, List<CalendarSpec> specs, Optional<Long> gap, Instant now) {
        if (specs.isEmpty() || gap.isEmpty() || gap.get() < MIN_GAP_MICROS) {
            return Optional.empty();
        }
        List<String> findings = new ArrayList<>();
        String zoneName = null;
        for (int i = 0; i < specs.size(); i++) {
            CalendarSpec spec = specs.get(i);
            Optional<String> name = job.timezone().or(() -> spec.zoneName().filter(z -> !z.equals("UTC")));
            String expression = job.schedule().calendarExpressions().get(i);
            if (name.isEmpty() || !expression.endsWith(" " + name.get())) {
                continue; // the node's zone decides, and it is not known here
            }
            ZoneId zone;
            CalendarSpec wall;
            try {
                zone = ZoneId.of(name.get());
                String bare = expression.substring(0, expression.length() - name.get().length() - 1);
                wall = CalendarSpec.parse(bare + " UTC", ZoneOffset.UTC);
            } catch (DateTimeException | CalendarException e) {
                continue;
            }
            zoneName = name.get();
            findings.addAll(inspect(zone, wall, spec, now));
        }
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        String shown = String.join("; ", findings.subList(0, Math.min(SHOWN, findings.size())))
                + (findings.size() > SHOWN ? "; and " + (findings.size() - SHOWN) + " more" : "");
        return Optional.of(new Finding(zoneName, shown));
    }

    private static List<String> inspect(ZoneId zone, CalendarSpec wall, CalendarSpec real, Instant now) {
        List<String> findings = new ArrayList<>();
        Instant until = now.plus(HORIZON);
        ZoneOffsetTransition t = zone.getRules().nextTransition(now);
        while (t != null && t.getInstant().isBefore(until)) {
            LocalDateTime from = t.isGap() ? t.getDateTimeBefore() : t.getDateTimeAfter();
            LocalDateTime to = t.isGap() ? t.getDateTimeAfter() : t.getDateTimeBefore();
            Optional<Instant> hit = wall.next(from.toInstant(ZoneOffset.UTC).minusNanos(1000))
                    .filter(w -> w.isBefore(to.toInstant(ZoneOffset.UTC)));
            if (hit.isPresent()) {
                String when = WALL.format(LocalDateTime.ofInstant(hit.get(), ZoneOffset.UTC));
                findings.add(t.isGap() ? gap(when, zone, real, t) : overlap(when, zone, real, t));
            }
            t = zone.getRules().nextTransition(t.getInstant());
        }
        return findings;
    }

    private static String gap(String when, ZoneId zone, CalendarSpec real, ZoneOffsetTransition t) {
        Optional<Instant> next = real.next(t.getInstant().minus(t.getDuration()).minusNanos(1000));
        String does = next.filter(n -> n.isBefore(t.getInstant().plus(Duration.ofHours(12))))
                .map(n -> "systemd runs it at " + LOCAL.format(n.atZone(zone)))
                .orElse("systemd skips that run");
        return when + " does not exist (clocks go forward), " + does;
    }

    private static String overlap(String when, ZoneId zone, CalendarSpec real, ZoneOffsetTransition t) {
        List<String> runs = new ArrayList<>();
        Instant from = t.getInstant().minus(t.getDuration().abs()).minusNanos(1000);
        Instant to = t.getInstant().plus(t.getDuration().abs());
        for (Instant n : Elapses.upcoming(List.of(real), from, to, 4)) {
            runs.add(LOCAL.format(n.atZone(zone)));
        }
        return when + " occurs twice (clocks go back), systemd runs it "
                + (runs.size() == 1 ? "once, at " + runs.get(0) : runs.size() + " times: " + String.join(", ", runs));
    }
}
