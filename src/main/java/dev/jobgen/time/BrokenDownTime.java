package dev.jobgen.time;

/**
 * A C {@code struct tm}: local calendar fields that may be out of range (day 32, hour 24, ...)
 * until mktime() normalizes them. systemd's elapse search works on exactly this, so the engine
 * does too. {@code year} is the full year, {@code mon} is 0..11, {@code wday} 0 = Sunday.
 */
final class BrokenDownTime {
    int year;
    int mon;
    int mday;
    int hour;
    int min;
    int sec;
    int isdst = -1;
    int wday;

    BrokenDownTime copy() {
        BrokenDownTime t = new BrokenDownTime();
        t.set(this);
        return t;
    }

    void set(BrokenDownTime o) {
        year = o.year;
        mon = o.mon;
        mday = o.mday;
        hour = o.hour;
        min = o.min;
        sec = o.sec;
        isdst = o.isdst;
        wday = o.wday;
    }

    /** Seconds since 1970-01-01T00:00 of these fields read as UTC, out-of-range fields carried over. */
    long linear(int secOverride) {
        long y = year + Math.floorDiv(mon, 12);
        int m = Math.floorMod(mon, 12);
        long days = daysFromCivil(y, m + 1, 1) + (mday - 1L);
        return days * 86400L + hour * 3600L + min * 60L + secOverride;
    }

    /** Sets the fields from seconds since the epoch in local wall-clock terms. */
    void setFromLinear(long local, int dst) {
        long days = Math.floorDiv(local, 86400L);
        long secs = Math.floorMod(local, 86400L);
        civilFromDays(days);
        hour = (int) (secs / 3600);
        min = (int) (secs / 60 % 60);
        sec = (int) (secs % 60);
        isdst = dst;
        wday = (int) Math.floorMod(days + 4, 7L);
    }

    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    /** Days from 1970-01-01 to the given date of the proleptic Gregorian calendar (month 1..12). */
    static long daysFromCivil(long y, int m, int d) {
        long before = y - 1;
        long leapDays = Math.floorDiv(before, 4) - Math.floorDiv(before, 100) + Math.floorDiv(before, 400) - 477;
        long days = (y - 1970) * 365 + leapDays + DAYS_BEFORE_MONTH[m - 1] + (d - 1);
        return m > 2 && isLeap(y) ? days + 1 : days;
    }

    static boolean isLeap(long y) {
        return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    }

    /** The inverse of {@link #daysFromCivil}: estimate the year, then correct by at most one. */
    private void civilFromDays(long days) {
        long y = 1970 + Math.floorDiv(days * 400, 146097);
        while (daysFromCivil(y, 1, 1) > days) {
            y--;
        }
        while (daysFromCivil(y + 1, 1, 1) <= days) {
            y++;
        }
        int doy = (int) (days - daysFromCivil(y, 1, 1));
        int leap = isLeap(y) ? 1 : 0;
        int m = 11;
        while (DAYS_BEFORE_MONTH[m] + (m >= 2 ? leap : 0) > doy) {
            m--;
        }
        year = (int) y;
        mon = m;
        mday = doy - DAYS_BEFORE_MONTH[m] - (m >= 2 ? leap : 0) + 1;
    }

    @Override
    public String toString() {
        return String.format("%04d-%02d-%02d %02d:%02d:%02d dst=%d", year, mon + 1, mday, hour, min, sec, isdst);
    }
}
