package dev.jobgen.time;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The named calendar events of systemd.time(7) ("minutely", "hourly", ... "semiannually"), with
 * the spellings systemd 252 accepts besides the documented ones ({@code anually},
 * {@code biannually}, {@code bi-annually}, {@code semi-annually}). Matching ignores ASCII case.
 */
enum Shorthand {
    MINUTELY(-1, null, null, null, null),
    HOURLY(-1, null, null, null, 0),
    DAILY(-1, null, null, 0, 0),
    MONTHLY(-1, null, 1, 0, 0),
    WEEKLY(1, null, null, 0, 0),
    YEARLY(-1, List.of(1), 1, 0, 0),
    QUARTERLY(-1, List.of(1, 4, 7, 10), 1, 0, 0),
    SEMIANNUALLY(-1, List.of(1, 7), 1, 0, 0);

    private static final Map<String, Shorthand> NAMES = Map.ofEntries(
            Map.entry("minutely", MINUTELY), Map.entry("hourly", HOURLY), Map.entry("daily", DAILY),
            Map.entry("monthly", MONTHLY), Map.entry("weekly", WEEKLY), Map.entry("yearly", YEARLY),
            Map.entry("annually", YEARLY), Map.entry("anually", YEARLY), Map.entry("quarterly", QUARTERLY),
            Map.entry("semiannually", SEMIANNUALLY), Map.entry("semi-annually", SEMIANNUALLY),
            Map.entry("biannually", SEMIANNUALLY), Map.entry("bi-annually", SEMIANNUALLY));

    private final int weekdays;
    private final List<Integer> months;
    private final Integer day;
    private final Integer hour;
    private final Integer minute;

    Shorthand(int weekdays, List<Integer> months, Integer day, Integer hour, Integer minute) {
        this.weekdays = weekdays;
        this.months = months;
        this.day = day;
        this.hour = hour;
        this.minute = minute;
    }

    /** Fills {@code parser} when {@code text} is a shorthand; false otherwise. */
    static boolean apply(String text, CalendarParser parser) {
        if (text.chars().anyMatch(c -> c > 0x7f)) {
            return false;
        }
        Shorthand s = NAMES.get(text.toLowerCase(Locale.ROOT));
        if (s == null) {
            return false;
        }
        parser.shorthand(s.weekdays, s.months == null ? null : s.months.stream().map(CalendarComponent::single).toList(),
                s.day, s.hour, s.minute);
        return true;
    }
}
