package dev.jobgen.time;

import java.util.List;

/**
 * The units of a systemd time span with every spelling systemd 252 accepts (man systemd.time(7)).
 *
 * <p>Spellings are case-sensitive and matched as prefixes in the order of {@link #SPELLINGS}, so a
 * longer spelling is listed before a shorter one it starts with ({@code msec} before {@code ms}
 * before {@code m}): that is how systemd reads {@code 5ms} as milliseconds and {@code 5m} as
 * minutes. A month is 30.44 days and a year 365.25 days, as in systemd.
 */
enum SpanUnit {
    USEC(1L, "us"),
    MSEC(1_000L, "ms"),
    SEC(1_000_000L, "s"),
    MINUTE(60_000_000L, "min"),
    HOUR(3_600_000_000L, "h"),
    DAY(86_400_000_000L, "d"),
    WEEK(604_800_000_000L, "w"),
    MONTH(2_629_800_000_000L, "month"),
    YEAR(31_557_600_000_000L, "y");

    /** One accepted spelling of a unit. */
    record Spelling(String text, SpanUnit unit) {}

    /** "μs" with the Greek small letter mu, which systemd accepts only from {@link #GREEK_MU_SINCE} on. */
    static final String GREEK_MU_USEC = "\u03bcs";
    /**
     * systemd 247 refuses "μs" (Greek mu) and takes only "µs" (micro sign); 252 takes both (both
     * recorded on the real systemd by the matrix). 248 to 251 were not booted, so the spelling counts
     * from the first version proven to take it: refusing it there is the safe mistake.
     */
    static final int GREEK_MU_SINCE = 252;

    static final List<Spelling> SPELLINGS = List.of(
            new Spelling("seconds", SEC),
            new Spelling("second", SEC),
            new Spelling("sec", SEC),
            new Spelling("s", SEC),
            new Spelling("minutes", MINUTE),
            new Spelling("minute", MINUTE),
            new Spelling("min", MINUTE),
            new Spelling("months", MONTH),
            new Spelling("month", MONTH),
            new Spelling("M", MONTH),
            new Spelling("msec", MSEC),
            new Spelling("ms", MSEC),
            new Spelling("m", MINUTE),
            new Spelling("hours", HOUR),
            new Spelling("hour", HOUR),
            new Spelling("hr", HOUR),
            new Spelling("h", HOUR),
            new Spelling("days", DAY),
            new Spelling("day", DAY),
            new Spelling("d", DAY),
            new Spelling("weeks", WEEK),
            new Spelling("week", WEEK),
            new Spelling("w", WEEK),
            new Spelling("years", YEAR),
            new Spelling("year", YEAR),
            new Spelling("y", YEAR),
            new Spelling("usec", USEC),
            new Spelling("us", USEC),
            new Spelling(GREEK_MU_USEC, USEC), // Greek small letter mu
            new Spelling("\u00b5s", USEC)); // micro sign

    /** Microseconds in one of this unit. */
    final long usec;
    /** The suffix systemd prints in its "Human" form. */
    final String humanSuffix;

    SpanUnit(long usec, String humanSuffix) {
        this.usec = usec;
        this.humanSuffix = humanSuffix;
    }

    /** All accepted spellings, for error messages. */
    static String spellingList() {
        StringBuilder sb = new StringBuilder();
        for (Spelling s : SPELLINGS) {
            sb.append(sb.length() == 0 ? "" : ", ").append(s.text());
        }
        return sb.toString();
    }
}
