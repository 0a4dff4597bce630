package dev.jobgen.time;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A tz database zone as glibc's localtime() sees it: the UTC offset and the {@code tm_isdst} flag
 * at an instant. Two differences from plain java.time are kept on purpose:
 *
 * <ul>
 *   <li>Zones whose tzdata uses negative DST in the main format (Europe/Dublin: winter GMT is the
 *       "daylight" time; Morocco during Ramadan) report the flag the way glibc does, since
 *       java.time is built from the rearguard format with the flag the other way round.
 *   <li>{@code right/...} zones count leap seconds in the time_t, so {@code daily right/UTC}
 *       elapses at 00:00:27 UTC today.
 * </ul>
 */
record TzZone(String name, ZoneId id, boolean leapSeconds, long negativeDstSince, ZoneTable table) {
    static final long NO_NEGATIVE_DST = Long.MAX_VALUE;

    /** {@code id} is the java.time zone with the rules of the file called {@code name}. */
    TzZone(String name, ZoneId id, boolean leapSeconds, long negativeDstSince) {
        this(name, id, leapSeconds, negativeDstSince, new ZoneTable(id.getRules()));
    }

    /** UTC offset in seconds such that local wall-clock seconds = {@code t + offset(t)}. */
    int offset(long t) {
        if (!leapSeconds) {
            return table.offset(t);
        }
        int corr = LeapSeconds.correction(t);
        return table.offset(t - corr) - corr;
    }

    /** glibc's {@code tm_isdst} at {@code t}. */
    boolean isDst(long t) {
        long real = leapSeconds ? t - LeapSeconds.correction(t) : t;
        boolean dst = table.isDaylightSavings(real);
        // main-format data flips the flag where java.time's rearguard data has a positive save
        return real >= negativeDstSince ? !dst : dst;
    }

    static long since(int year) {
        return LocalDate.of(year, 1, 1).toEpochDay() * 86400L;
    }

    /** The leap seconds of {@code right/} zones, as inserted so far (27 up to 2016-12-31). */
    static final class LeapSeconds {
        // the UTC days at whose end a positive leap second was inserted (tzdata "leapseconds")
        private static final String[] DAYS = {
            "1972-06-30", "1972-12-31", "1973-12-31", "1974-12-31", "1975-12-31", "1976-12-31",
            "1977-12-31", "1978-12-31", "1979-12-31", "1981-06-30", "1982-06-30", "1983-06-30",
            "1985-06-30", "1987-12-31", "1989-12-31", "1990-12-31", "1992-06-30", "1993-06-30",
            "1994-06-30", "1995-12-31", "1997-06-30", "1998-12-31", "2005-12-31", "2008-12-31",
            "2012-06-30", "2015-06-30", "2016-12-31"
        };
        private static final long[] AFTER = new long[DAYS.length];

        static {
            for (int k = 0; k < DAYS.length; k++) {
                // right-scale time of the first second after the k-th inserted second
                AFTER[k] = (LocalDate.parse(DAYS[k]).toEpochDay() + 1) * 86400L + k + 1;
            }
        }

        private LeapSeconds() {}

        static int correction(long t) {
            int n = 0;
            while (n < AFTER.length && t >= AFTER[n]) {
                n++;
            }
            return n;
        }
    }
}
