package dev.jobgen.time;

import java.util.List;
import java.util.Optional;

/**
 * The parts of a calendar event after parsing: weekday bits (bit 0 = Monday, -1 = any day), the
 * {@code ~} flag (days count from the end of the month), one list per field ({@code null} means
 * {@code *}: every value) and the zone suffix. Seconds are in microseconds.
 */
record CalendarFields(
        int weekdayBits,
        boolean endOfMonth,
        List<CalendarComponent> year,
        List<CalendarComponent> month,
        List<CalendarComponent> day,
        List<CalendarComponent> hour,
        List<CalendarComponent> minute,
        List<CalendarComponent> microsecond,
        SpecZone zone) {

    static final int ALL_WEEKDAYS = 0x7f;

    /** One field's list, or empty when the field is {@code *}. */
    static Optional<List<CalendarComponent>> of(List<CalendarComponent> chain) {
        return Optional.ofNullable(chain);
    }
}
