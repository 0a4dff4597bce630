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

    static long daysFromCivil(long y, int m, int d) {
        return java.time.LocalDate.of((int) y, m, d).toEpochDay();
    }

    private void civilFromDays(long days) {
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(days);
        year = d.getYear();
        mon = d.getMonthValue() - 1;
        mday = d.getDayOfMonth();
    }

    @Override
    public String toString() {
        return String.format("%04d-%02d-%02d %02d:%02d:%02d dst=%d", year, mon + 1, mday, hour, min, sec, isdst);
    }
}
