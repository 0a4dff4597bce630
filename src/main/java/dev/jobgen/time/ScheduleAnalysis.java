package dev.jobgen.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pure checks on schedules for the validator's lints: the shortest gap between consecutive
 * elapses of a job's calendar events, and elapses that fall into a DST gap or a repeated hour
 * of the zone, with what systemd 252 then actually does (systemd.time(7) leaves this to the
 * implementation; the answers here come from the same engine as every other elapse).
 */
public final class ScheduleAnalysis {
    private ScheduleAnalysis() {}

    /** Two consecutive elapses and the time between them. */
    public record Gap(Instant first, Instant second) {
        public Duration length() {
            return Duration.between(first, second);
        }
    }

    /** What happens to a wall-clock time the event asks for on a DST change day. */
    public enum DstKind {
        /** The wall-clock time does not exist (spring forward). */
        GAP,
        /** The wall-clock time exists twice (fall back). */
        REPEATED
    }

    /**
     * One wall-clock time the event asks for that the zone skips or repeats.
     *
     * @param wallClock the local time asked for
     * @param kind gap or repeated hour
     * @param transition the instant of the DST change
     * @param systemdElapses what systemd does within the changed hour(s): no elapse (the time is
     *     skipped), one elapse, or two (it runs twice)
     */
    public record DstEvent(LocalDateTime wallClock, DstKind kind, Instant transition, List<Instant> systemdElapses) {
        public DstEvent {
            systemdElapses = List.copyOf(systemdElapses);
        }
    }

    /**
     * The specs of a schedule's expressions, parsed with {@code localZone} as the local zone.
     *
     * @throws IllegalArgumentException naming the expression, when one does not parse there
     */
    public static List<CalendarSpec> specs(List<String> expressions, ZoneId localZone) {
        return specs(expressions, localZone, CalendarSpec.DEFAULT_SYSTEMD_VERSION);
    }

    /** {@link #specs(List, ZoneId)} as that systemd version computes them (a catalogue's target). */
    public static List<CalendarSpec> specs(List<String> expressions, ZoneId localZone, int systemdVersion) {
        List<CalendarSpec> specs = new ArrayList<>();
        for (String expression : expressions) {
            try {
                specs.add(CalendarSpec.parse(expression, localZone, systemdVersion));
            } catch (CalendarException e) {
                throw new IllegalArgumentException("'" + expression + "': " + e.getMessage(), e);
            }
        }
        return specs;
    }

    /** The first elapse of any of {@code specs} strictly after {@code after}. */
    public static Optional<Instant> next(List<CalendarSpec> specs, Instant after) {
        Instant best = null;
        for (CalendarSpec spec : specs) {
            Instant n = spec.next(after).orElse(null);
            if (n != null && (best == null || n.isBefore(best))) {
                best = n;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The latest elapse of any of {@code specs} at or before {@code at}. */
    public static Optional<Instant> latestAtOrBefore(List<CalendarSpec> specs, Instant at) {
        Instant best = null;
        for (CalendarSpec spec : specs) {
            Instant p = spec.latestAtOrBefore(at).orElse(null);
            if (p != null && (best == null || p.isAfter(best))) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Up to {@code limit} distinct elapses of {@code specs} together, after {@code from} and before {@code until}. */
    public static List<Instant> upcoming(List<CalendarSpec> specs, Instant from, Instant until, int limit) {
        List<Instant> out = new ArrayList<>();
        Instant at = from;
        while (out.size() < limit) {
            Optional<Instant> n = next(specs, at);
            if (n.isEmpty() || !n.get().isBefore(until)) {
                break;
            }
            at = n.get();
            out.add(at);
        }
        return out;
    }

    /**
     * The shortest time between consecutive distinct elapses of {@code specs} together, among the
     * first {@code maxElapses} from {@code from} up to {@code from + horizon}; empty when fewer than
     * two elapses fall in the window.
     */
    public static Optional<Gap> shortestGap(List<CalendarSpec> specs, Instant from, Duration horizon, int maxElapses) {
        return shortestGap(upcoming(specs, from, from.plus(horizon), maxElapses));
    }

    /** The shortest gap between consecutive instants of an ascending list. */
    public static Optional<Gap> shortestGap(List<Instant> elapses) {
        Gap best = null;
        for (int i = 1; i < elapses.size(); i++) {
            Gap g = new Gap(elapses.get(i - 1), elapses.get(i));
            if (best == null || g.length().compareTo(best.length()) < 0) {
                best = g;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The wall-clock times of {@code spec} that fall into a DST gap or a repeated hour of its zone
     * (its suffix zone, else {@code localZone}) in the {@code years} years after {@code from}.
     */
    public static List<DstEvent> dstEvents(CalendarSpec spec, ZoneId localZone, Instant from, int years) {
        ZoneId zone = spec.wallClockZone(localZone);
        if (zone instanceof ZoneOffset) {
            return List.of();
        }
        CalendarSpec wall = spec.asWallClock();
        ZoneRules rules = zone.getRules();
        Instant end = from.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
        List<DstEvent> out = new ArrayList<>();
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(end);
                t = rules.nextTransition(t.getInstant())) {
            LocalDateTime low = t.isGap() ? t.getDateTimeBefore() : t.getDateTimeAfter();
            LocalDateTime high = t.isGap() ? t.getDateTimeAfter() : t.getDateTimeBefore();
            DstKind kind = t.isGap() ? DstKind.GAP : DstKind.REPEATED;
            // every wall-clock time the event asks for inside [low, high)
            Instant at = low.toInstant(ZoneOffset.UTC).minusNanos(1000);
            while (true) {
                Optional<Instant> n = wall.next(at);
                if (n.isEmpty() || !n.get().isBefore(high.toInstant(ZoneOffset.UTC))) {
                    break;
                }
                at = n.get();
                LocalDateTime asked = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
                out.add(new DstEvent(asked, kind, t.getInstant(), systemdAround(spec, wall, t, asked, zone)));
            }
        }
        return out;
    }

    /**
     * What systemd does with {@code asked} around {@code t}: for a repeated hour, the elapses whose
     * wall clock shows {@code asked} (once or twice); for a gap, an elapse moved forward by the gap
     * to a wall-clock time the event does not ask for itself (systemd 252 normally has none: the
     * time is skipped that day).
     */
    private static List<Instant> systemdAround(CalendarSpec spec, CalendarSpec wall, ZoneOffsetTransition t,
            LocalDateTime asked, ZoneId zone) {
        Duration shift = t.getDuration().abs();
        Instant from = t.getInstant().minus(shift).minusSeconds(3600);
        Instant to = t.getInstant().plus(shift).plusSeconds(3600);
        LocalDateTime moved = asked.plus(shift);
        boolean movedIsAsked = wall.next(moved.toInstant(ZoneOffset.UTC).minusNanos(1000))
                .map(n -> n.equals(moved.toInstant(ZoneOffset.UTC))).orElse(false);
        List<Instant> out = new ArrayList<>();
        Instant at = from;
        for (int i = 0; i < 10_000; i++) {
            Optional<Instant> n = spec.next(at);
            if (n.isEmpty() || n.get().isAfter(to)) {
                break;
            }
            at = n.get();
            LocalDateTime local = LocalDateTime.ofInstant(at, zone);
            if (t.isGap() ? local.equals(moved) && !movedIsAsked : local.equals(asked)) {
                out.add(at);
            }
        }
        return out;
    }
}
