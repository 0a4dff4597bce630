package dev.jobgen.monitors;

import dev.jobgen.time.CalendarSpec;
import dev.jobgen.time.CronException;
import dev.jobgen.time.CronExpression;
import dev.jobgen.time.CronTranslator;
import dev.jobgen.time.ScheduleAnalysis;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cron line that elapses exactly when a calendar expression does, for providers that take no
 * calendar expressions. Built field by field from systemd's normalized form, then proven: the
 * line's own translation (the catalogue's {@code cron:} path) must elapse at the same instants as
 * the expression over a year, sampled from every month, or no line is offered.
 *
 * <p>The expression is parsed by the caller with the catalogue's target version, because that is
 * when its timer fires. The translation stands for what the provider's cron expects, so it is
 * read with {@link #CRON_MEANING}: where an older systemd skips or shifts elapses after a period
 * wraps ({@code *-*-1/7} in New York: 252 fires on January 8th, cron on the 1st), the proof fails
 * and the job is watched by its longest gap instead of a line that would report a run as missing.
 */
final class CalendarCron {
    private static final Map<String, Integer> WEEKDAYS = Map.of(
            "Mon", 1, "Tue", 2, "Wed", 3, "Thu", 4, "Fri", 5, "Sat", 6, "Sun", 7);

    /**
     * The systemd whose calendar rules compute what cron means: from 257 a date moved into the next
     * year starts it from January 1st, as cron does; older versions keep the day of the month
     * (see src/docs/systemd-versions.md).
     */
    static final int CRON_MEANING = CalendarSpec.WIDEST_RULES_VERSION;

    private CalendarCron() {}

    /** The cron line and the zone it runs in, when there is an exact one. */
    static Optional<ExpectedSchedule.Cron> of(CalendarSpec spec, ZoneId localZone, Instant from) {
        Optional<String> line = candidate(spec.normalized());
        if (line.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = spec.zoneName().map(ZoneId::of).orElse(localZone);
        CronExpression cron;
        try {
            cron = CronExpression.parse(line.get());
        } catch (CronException e) {
            return Optional.empty();
        }
        List<CalendarSpec> translated = cron.atReboot() ? List.of() : ScheduleAnalysis.specs(
                CronTranslator.translate(cron, Optional.of(zone)).match(c -> c.onCalendar(), b -> List.<String>of()), localZone, CRON_MEANING);
        if (translated.isEmpty() || !sameElapses(List.of(spec), translated, from)) {
            return Optional.empty();
        }
        return Optional.of(new ExpectedSchedule.Cron(line.get(), zone.getId()));
    }

    /** Both schedules elapse at the same instants: 200 elapses from each month of the coming year. */
    static boolean sameElapses(List<CalendarSpec> a, List<CalendarSpec> b, Instant from) {
        for (int month = 0; month <= 12; month++) {
            Instant start = from.plus(Duration.ofDays(30L * month));
            Instant until = start.plus(Duration.ofDays(400));
            if (!ScheduleAnalysis.upcoming(a, start, until, 200).equals(ScheduleAnalysis.upcoming(b, start, until, 200))) {
                return false;
            }
        }
        return true;
    }

    /** "[WEEKDAYS] *-M-D H:M:00 [ZONE]" to "M H D M W"; anything cron cannot say gives none. */
    static Optional<String> candidate(String normalized) {
        List<String> tokens = new ArrayList<>(List.of(normalized.split(" ")));
        String weekdays = "*";
        if (!tokens.isEmpty() && Character.isLetter(tokens.get(0).charAt(0))) {
            Optional<String> w = weekdays(tokens.remove(0));
            if (w.isEmpty()) {
                return Optional.empty();
            }
            weekdays = w.get();
        }
        if (tokens.size() < 2) {
            return Optional.empty();
        }
        String[] date = tokens.get(0).split("-", -1);
        String[] time = tokens.get(1).split(":", -1);
        if (date.length != 3 || time.length != 3 || !date[0].equals("*") || !time[2].equals("00") || tokens.get(0).contains("~")) {
            return Optional.empty();
        }
        Optional<String> minute = field(time[1], 59);
        Optional<String> hour = field(time[0], 23);
        Optional<String> day = field(date[2], 31);
        Optional<String> month = field(date[1], 12);
        // cron fires when either day field matches, systemd only when both do
        if (minute.isEmpty() || hour.isEmpty() || day.isEmpty() || month.isEmpty() || !day.get().equals("*") && !weekdays.equals("*")) {
            return Optional.empty();
        }
        return Optional.of(minute.get() + " " + hour.get() + " " + day.get() + " " + month.get() + " " + weekdays);
    }

    private static Optional<String> field(String text, int max) {
        if (text.equals("*")) {
            return Optional.of("*");
        }
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            String[] stepped = item.split("/", -1);
            String[] range = stepped[0].split("\\.\\.", -1);
            if (stepped.length > 2 || range.length > 2 || !range[0].matches("[0-9]+") || range.length == 2 && !range[1].matches("[0-9]+")) {
                return Optional.empty();
            }
            String low = Integer.toString(Integer.parseInt(range[0]));
            String high = range.length == 2 ? Integer.toString(Integer.parseInt(range[1])) : stepped.length == 2 ? Integer.toString(max) : null;
            String step = stepped.length == 2 ? "/" + Integer.parseInt(stepped[1]) : "";
            items.add(high == null ? low : low + "-" + high + step);
        }
        return Optional.of(String.join(",", items));
    }

    private static Optional<String> weekdays(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            String[] range = item.split("\\.\\.", -1);
            Integer low = WEEKDAYS.get(range[0]);
            Integer high = range.length == 2 ? WEEKDAYS.get(range[1]) : low;
            if (range.length > 2 || low == null || high == null || high < low) {
                return Optional.empty();
            }
            items.add(low.equals(high) ? Integer.toString(low % 7) : low + "-" + high);
        }
        return Optional.of(String.join(",", items));
    }
}
