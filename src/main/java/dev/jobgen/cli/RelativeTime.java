package dev.jobgen.cli;

/**
 * systemd's relative timestamps ("From now: 2 days left", "10 months 17 days ago"): the largest
 * fitting unit, with a second unit for years (months), months (days), weeks (days), one day
 * (hours), hours below six (minutes) and minutes below five (seconds). A year is 365.25 days and
 * a month 30.44 days, as in systemd.
 */
final class RelativeTime {
    private static final long SEC = 1_000_000L;
    private static final long MIN = 60 * SEC;
    private static final long HOUR = 60 * MIN;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;
    private static final long MONTH = 2_629_800L * SEC;
    private static final long YEAR = 31_557_600L * SEC;

    private RelativeTime() {}

    /** {@code t} relative to {@code now}, both in microseconds since the epoch. */
    static String format(long t, long now) {
        String s = now > t ? "ago" : "left";
        long d = Math.abs(now - t);
        if (d >= YEAR) {
            return two(d / YEAR, "year", d % YEAR / MONTH, "month", s);
        }
        if (d >= MONTH) {
            return two(d / MONTH, "month", d % MONTH / DAY, "day", s);
        }
        if (d >= WEEK) {
            return two(d / WEEK, "week", d % WEEK / DAY, "day", s);
        }
        if (d >= 2 * DAY) {
            return d / DAY + " days " + s;
        }
        if (d >= 25 * HOUR) {
            return "1 day " + (d - DAY) / HOUR + "h " + s;
        }
        if (d >= 6 * HOUR) {
            return d / HOUR + "h " + s;
        }
        if (d >= HOUR) {
            return d / HOUR + "h " + d % HOUR / MIN + "min " + s;
        }
        if (d >= 5 * MIN) {
            return d / MIN + "min " + s;
        }
        if (d >= MIN) {
            return d / MIN + "min " + d % MIN / SEC + "s " + s;
        }
        if (d >= SEC) {
            return d / SEC + "s " + s;
        }
        if (d >= 1000) {
            return d / 1000 + "ms " + s;
        }
        return d > 0 ? d + "us " + s : "now";
    }

    private static String two(long a, String unitA, long b, String unitB, String s) {
        return a + " " + unitA + (a == 1 ? "" : "s") + " " + b + " " + unitB + (b == 1 ? "" : "s") + " " + s;
    }
}
