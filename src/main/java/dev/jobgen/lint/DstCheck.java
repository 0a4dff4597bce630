package dev.jobgen.lint;

import dev.jobgen.time.CalendarSpec;
import dev.jobgen.time.ScheduleAnalysis;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words of the {@code dst-transition} warning: elapses that fall into a daylight-saving change
 * of the schedule's zone within five years, and what systemd will do, as the engine's
 * {@link ScheduleAnalysis#dstEvents} finds them. Only schedules with a zone of their own are
 * checked (offline, the node's zone is unknown), and only those elapsing at most every two hours:
 * losing or repeating one of many runs is the normal life of an hourly job.
 */
final class DstCheck {
    private static final int YEARS = 5;
    private static final Duration MIN_GAP = Duration.ofHours(2);
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);
    private static final int SHOWN = 2;

    private DstCheck() {}

    /** The zone and the dates, as the warning prints them. */
    record Finding(String zone, String findings) {}

    static Optional<Finding> check(List<CalendarSpec> specs, Optional<ScheduleAnalysis.Gap> gap, Instant now) {
        if (gap.isEmpty() || gap.get().length().compareTo(MIN_GAP) < 0) {
            return Optional.empty();
        }
        List<String> findings = new ArrayList<>();
        String zoneName = null;
        for (CalendarSpec spec : specs) {
            List<ScheduleAnalysis.DstEvent> events = ScheduleAnalysis.dstEvents(spec, ZoneOffset.UTC, now, YEARS);
            if (!events.isEmpty()) {
                zoneName = spec.zoneName().orElseThrow();
                ZoneId zone = zoneOf(zoneName);
                events.forEach(e -> findings.add(describe(e, zone)));
            }
        }
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        String shown = String.join("; ", findings.subList(0, Math.min(SHOWN, findings.size())))
                + (findings.size() > SHOWN ? "; and " + (findings.size() - SHOWN) + " more" : "");
        return Optional.of(new Finding(zoneName, shown));
    }

    /** The zone to print local times in (a zone file java.time lacks prints in UTC). */
    private static ZoneId zoneOf(String name) {
        try {
            return ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String describe(ScheduleAnalysis.DstEvent e, ZoneId zone) {
        String when = WALL.format(e.wallClock());
        List<String> runs = e.systemdElapses().stream().map(t -> LOCAL.format(t.atZone(zone))).toList();
        if (e.kind() == ScheduleAnalysis.DstKind.GAP) {
            return when + " does not exist (clocks go forward), "
                    + (runs.isEmpty() ? "systemd skips that run" : "systemd runs it at " + String.join(", ", runs));
        }
        return when + " occurs twice (clocks go back), systemd runs it "
                + (runs.size() == 1 ? "once, at " + runs.get(0) : runs.size() + " times: " + String.join(", ", runs));
    }
}
