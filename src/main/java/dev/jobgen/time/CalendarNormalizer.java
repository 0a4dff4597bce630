package dev.jobgen.time;

import java.util.ArrayList;
import java.util.List;

/**
 * Brings parsed fields into systemd 252's canonical shape and checks them, in systemd's order
 * (normalize first, then validate): two-digit years become 19xx/20xx (70..99 / 00..69), a stepped
 * range is cut at its last hit ({@code 0..59/15} becomes {@code 0..45/15}), a range of one value
 * becomes that value, lists are sorted and duplicates dropped (but not merged), and weekday
 * bits covering no day or every day mean "any day".
 *
 * <p>Validity follows systemd.time(7): years 1970..2199, months 1..12, days 1..31 (1..28 counted
 * from the end with {@code ~}), hours 0..23, minutes 0..59, seconds below 60; a repetition must
 * fit the field and hit at least once.
 */
final class CalendarNormalizer {
    private static final int USEC_PER_MINUTE = 60_000_000;

    private CalendarNormalizer() {}

    static CalendarFields normalize(CalendarFields f) {
        int bits = f.weekdayBits() <= 0 || f.weekdayBits() >= CalendarFields.ALL_WEEKDAYS ? -1 : f.weekdayBits();
        boolean eom = f.endOfMonth() && f.day() != null;
        return new CalendarFields(bits, eom, chain(fixYears(f.year())), chain(f.month()), chain(f.day()),
                chain(f.hour()), chain(f.minute()), chain(f.microsecond()), f.zone());
    }

    /**
     * Checks normalized fields; the exception's index is the field number (0 = year ... 5 = second),
     * which the caller turns into a text position.
     */
    static void validate(CalendarFields f) throws CalendarException {
        if (!valid(f.year(), 1970, 2199, false)) {
            throw new CalendarException("year out of range (1970..2199), or a repetition that does not fit", 0);
        }
        if (!valid(f.month(), 1, 12, false)) {
            throw new CalendarException("month out of range (1..12), or a repetition that does not fit", 1);
        }
        if (!valid(f.day(), 1, 31, f.endOfMonth())) {
            throw new CalendarException(f.endOfMonth() ? "day from the end of the month out of range (1..28)"
                    : "day out of range (1..31), or a repetition that does not fit", 2);
        }
        if (!valid(f.hour(), 0, 23, false)) {
            throw new CalendarException("hour out of range (0..23), or a repetition that does not fit", 3);
        }
        if (!valid(f.minute(), 0, 59, false)) {
            throw new CalendarException("minute out of range (0..59), or a repetition that does not fit", 4);
        }
        if (!valid(f.microsecond(), 0, USEC_PER_MINUTE - 1, false)) {
            throw new CalendarException("second out of range (below 60), or a repetition that does not fit", 5);
        }
    }

    private static boolean valid(List<CalendarComponent> chain, int from, int to, boolean endOfMonth) {
        if (chain == null) {
            return true;
        }
        int max = endOfMonth ? to - 3 : to;
        for (CalendarComponent c : chain) {
            if (c.start() < from || c.start() > max || c.repeat() > max - from) {
                return false;
            }
            if (c.stop() >= 0) {
                if (c.stop() < from || c.stop() > max || c.start() + c.repeat() > c.stop()) {
                    return false;
                }
            } else if (endOfMonth ? c.start() - c.repeat() < from : c.start() + c.repeat() > max) {
                return false;
            }
        }
        return true;
    }

    private static List<CalendarComponent> fixYears(List<CalendarComponent> years) {
        if (years == null) {
            return null;
        }
        List<CalendarComponent> out = new ArrayList<>();
        for (CalendarComponent c : years) {
            out.add(new CalendarComponent(fullYear(c.start()), c.stop() < 0 ? c.stop() : fullYear(c.stop()), c.repeat()));
        }
        return out;
    }

    private static int fullYear(int y) {
        if (y < 70) {
            return y + 2000;
        }
        return y < 100 ? y + 1900 : y;
    }

    private static List<CalendarComponent> chain(List<CalendarComponent> chain) {
        if (chain == null) {
            return null;
        }
        List<CalendarComponent> out = new ArrayList<>();
        for (CalendarComponent c : chain) {
            int stop = c.stop();
            int repeat = c.repeat();
            if (stop > c.start() && repeat > 0) {
                stop -= (stop - c.start()) % repeat;
            }
            if ((stop > c.start() && c.start() + repeat > stop) || c.start() == stop) {
                stop = -1;
                repeat = 0;
            }
            out.add(new CalendarComponent(c.start(), stop, repeat));
        }
        out.sort(CalendarComponent::compare);
        List<CalendarComponent> unique = new ArrayList<>();
        for (CalendarComponent c : out) {
            if (unique.isEmpty() || CalendarComponent.compare(unique.get(unique.size() - 1), c) != 0) {
                unique.add(c);
            }
        }
        return List.copyOf(unique);
    }
}
