package dev.jobgen.time;

import java.util.List;
import java.util.OptionalLong;

/**
 * The next elapse of a calendar event, computed the way systemd 252 does (systemd.time(7): "the
 * next elapse"): start one microsecond after the base, break it down in the event's zone, and
 * walk the fields from the year down to the second. Each field is moved to its next matching
 * value; a move resets the smaller fields; mktime() then normalizes the result, and when it moved
 * forward (a day 31 in a 30-day month, an hour inside a DST gap) the search restarts from the
 * normalized time. A field with no match left carries into the next larger one. Years beyond
 * 2199 end the search ("never").
 *
 * <p>systemd gives up after 1000 rounds (EDEADLK, "Infinite loop in calendar calculation"), which
 * 252 hits for some events around DST gaps; where that happens this engine does not fail but skips
 * the day it was stuck on and goes on, so it reports the real elapses.
 *
 * <p>Other versions differ in the step after mktime() moved a field ({@link CalendarDialect}): 247
 * goes on from the moved time as it is, 257 starts a new year on January 1st.
 */
final class ElapseFinder {
    static final long USEC_PER_SEC = 1_000_000L;
    private static final int MAX_ROUNDS = 1000;
    private static final int MAX_YEAR = 2199;
    private static final int MAX_SKIPS = 400;

    private final CalendarFields spec;
    private final boolean utc;
    private final TzZone zone;
    private final CalendarDialect dialect;

    ElapseFinder(CalendarFields spec, TzZone localZone, CalendarDialect dialect) {
        this.spec = spec;
        this.dialect = dialect;
        this.utc = spec.zone() instanceof SpecZone.Utc;
        this.zone = spec.zone() instanceof SpecZone.Named n ? n.zone() : localZone;
    }

    /** The first elapse strictly after {@code afterUsec} (microseconds since the epoch), if any. */
    OptionalLong next(long afterUsec) {
        LibcTime libc = new LibcTime(utc ? null : zone);
        long usec = afterUsec + 1;
        BrokenDownTime tm = new BrokenDownTime();
        libc.localtime(Math.floorDiv(usec, USEC_PER_SEC), tm);
        int[] tmUsec = {(int) Math.floorMod(usec, USEC_PER_SEC)};
        for (int skip = 0; skip < MAX_SKIPS; skip++) {
            Result r = search(libc, tm, tmUsec);
            if (r == Result.NEVER) {
                return OptionalLong.empty();
            }
            if (r == Result.FOUND) {
                long t = libc.mktime(tm);
                return t < 0 ? OptionalLong.empty() : OptionalLong.of(t * USEC_PER_SEC + tmUsec[0]);
            }
            // stuck (systemd's EDEADLK): the state is a wall-clock time that mktime keeps moving;
            // leave that day behind and search on from the next one
            tm.mday++;
            tm.hour = 0;
            tm.min = 0;
            tm.sec = 0;
            tm.isdst = -1;
            tmUsec[0] = 0;
        }
        return OptionalLong.empty();
    }

    private enum Result { FOUND, NEVER, STUCK }

    private Result search(LibcTime libc, BrokenDownTime c, int[] usec) {
        final int dst = spec.zone() instanceof SpecZone.Local l ? l.dst() : -1;
        BrokenDownTime start = c.copy();
        int startUsec = usec[0];
        boolean retried = false;
        boolean resetFlag = true;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (!retried) {
                libc.mktime(c);
                if (resetFlag) {
                    c.isdst = dst;
                }
            }
            retried = false;

            int[] v = {c.year};
            int r = match(spec.year(), c, v);
            c.year = v[0];
            if (r > 0) {
                c.mon = 0;
                c.mday = 1;
                resetTime(c, usec);
            }
            if (r < 0 || bounds(libc, c) <= 0) {
                return Result.NEVER;
            }

            v[0] = c.mon + 1;
            r = match(spec.month(), c, v);
            c.mon = v[0] - 1;
            if (r > 0) {
                c.mday = 1;
                resetTime(c, usec);
            }
            if (r < 0 || (r = bounds(libc, c)) < 0) {
                c.year++;
                c.mon = 0;
                c.mday = 1;
                resetTime(c, usec);
                continue;
            }
            if (r == 0) {
                continue;
            }

            v[0] = c.mday;
            r = match(spec.day(), c, v, libc);
            c.mday = v[0];
            if (r > 0) {
                resetTime(c, usec);
            }
            if (r < 0 || (r = bounds(libc, c)) < 0) {
                c.mon++;
                c.mday = 1;
                resetTime(c, usec);
                continue;
            }
            if (r == 0) {
                continue;
            }

            if (!weekdayMatches(libc, c)) {
                c.mday++;
                resetTime(c, usec);
                continue;
            }

            v[0] = c.hour;
            r = match(spec.hour(), c, v);
            c.hour = v[0];
            if (r > 0) {
                c.min = 0;
                c.sec = 0;
                usec[0] = 0;
            }
            if (r < 0 || (r = bounds(libc, c)) < 0) {
                c.mday++;
                resetTime(c, usec);
                continue;
            }
            if (r == 0) {
                continue;
            }

            v[0] = c.min;
            r = match(spec.minute(), c, v);
            c.min = v[0];
            if (r > 0) {
                c.sec = 0;
                usec[0] = 0;
            }
            if (r < 0 || (r = bounds(libc, c)) < 0) {
                c.hour++;
                c.min = 0;
                c.sec = 0;
                usec[0] = 0;
                continue;
            }
            if (r == 0) {
                continue;
            }

            v[0] = c.sec * (int) USEC_PER_SEC + usec[0];
            r = match(spec.microsecond(), c, v);
            usec[0] = v[0] % (int) USEC_PER_SEC;
            c.sec = v[0] / (int) USEC_PER_SEC;
            if (r < 0 || (r = bounds(libc, c)) < 0) {
                c.min++;
                c.sec = 0;
                usec[0] = 0;
                continue;
            }
            if (r == 0) {
                continue;
            }
            if (!dialect.keepsMovedFields() && before(c, usec[0], start, startUsec)) {
                // a DST change let the wall clock run back behind the start: systemd retries an
                // hour later and from then on keeps whatever DST flag normalization leaves
                // (observed by tracing systemd-analyze's mktime() calls)
                c.hour++;
                libc.mktime(c);
                resetFlag = false;
                retried = true;
                continue;
            }
            return Result.FOUND;
        }
        return Result.STUCK;
    }

    /** Compares broken-down fields as systemd does, not instants: 02:30 CET is "before" 02:30:01 CEST. */
    private static boolean before(BrokenDownTime a, int aUsec, BrokenDownTime b, int bUsec) {
        int[] x = {a.year, a.mon, a.mday, a.hour, a.min, a.sec, aUsec};
        int[] y = {b.year, b.mon, b.mday, b.hour, b.min, b.sec, bUsec};
        return java.util.Arrays.compare(x, y) < 0;
    }

    private static void resetTime(BrokenDownTime c, int[] usec) {
        c.hour = 0;
        c.min = 0;
        c.sec = 0;
        usec[0] = 0;
    }

    private int match(List<CalendarComponent> chain, BrokenDownTime tm, int[] val) {
        return match(chain, tm, val, null);
    }

    /**
     * Moves {@code val[0]} to the earliest value of {@code chain} at or after it: 1 when moved, 0
     * when it already matched (or the field is {@code *}), -1 when nothing is left this period.
     * Days counted from the month's end are turned into days of {@code tm}'s month first.
     */
    private int match(List<CalendarComponent> chain, BrokenDownTime tm, int[] val, LibcTime libc) {
        if (chain == null) {
            return 0;
        }
        boolean fromEnd = libc != null && spec.endOfMonth();
        long best = -1;
        for (CalendarComponent c : chain) {
            int start = c.start();
            int stop = c.stop();
            if (fromEnd) {
                start = dayFromEnd(libc, tm, c.start());
                stop = dayFromEnd(libc, tm, c.stop());
                if (stop > 0) {
                    int s = start;
                    start = stop;
                    stop = s;
                }
            }
            if (start >= val[0]) {
                if (best < 0 || start < best) {
                    best = start;
                }
            } else if (c.repeat() > 0) {
                long k = start + (long) c.repeat() * ((val[0] - start + c.repeat() - 1L) / c.repeat());
                if ((best < 0 || k < best) && (stop < 0 || k <= stop)) {
                    best = k;
                }
            }
        }
        if (best < 0) {
            return -1;
        }
        int changed = val[0] != best ? 1 : 0;
        val[0] = (int) best;
        return changed;
    }

    /** The day of {@code tm}'s month that is the {@code n}th from its end (1 = last), or -1. */
    private int dayFromEnd(LibcTime libc, BrokenDownTime tm, int n) {
        BrokenDownTime t = tm.copy();
        t.mon++;
        t.mday = 1 - n;
        if (libc.mktime(t) < 0 || t.mon != tm.mon) {
            return -1;
        }
        return t.mday;
    }

    /**
     * systemd's bounds check after moving a field: 1 when mktime() left the fields alone, 0 when
     * it moved them forward (they are replaced, the next smaller field reset), negative when past
     * 2199, not representable, or moved backwards.
     */
    private int bounds(LibcTime libc, BrokenDownTime tm) {
        if (tm.year > MAX_YEAR) {
            return -1;
        }
        BrokenDownTime t = tm.copy();
        if (libc.mktime(t) < 0) {
            return -1;
        }
        if (dialect.keepsMovedFields()) {
            boolean same = t.year == tm.year && t.mon == tm.mon && t.mday == tm.mday && t.hour == tm.hour && t.min == tm.min
                    && t.sec == tm.sec;
            if (!same) {
                tm.set(t);
            }
            return same ? 1 : 0;
        }
        int cmp;
        if ((cmp = Integer.compare(t.year, tm.year)) != 0) {
            t.mon = 0;
            if (dialect.restartsMovedYear()) {
                t.mday = 1;
            }
        } else if ((cmp = Integer.compare(t.mon, tm.mon)) != 0) {
            t.mday = 1;
        } else if ((cmp = Integer.compare(t.mday, tm.mday)) != 0) {
            t.hour = 0;
        } else if ((cmp = Integer.compare(t.hour, tm.hour)) != 0) {
            t.min = 0;
        } else if ((cmp = Integer.compare(t.min, tm.min)) != 0) {
            t.sec = 0;
        } else {
            cmp = Integer.compare(t.sec, tm.sec);
        }
        if (cmp < 0) {
            return -1;
        }
        if (cmp > 0) {
            tm.set(t);
        }
        return cmp == 0 ? 1 : 0;
    }

    private boolean weekdayMatches(LibcTime libc, BrokenDownTime tm) {
        int bits = spec.weekdayBits();
        if (bits < 0 || bits >= CalendarFields.ALL_WEEKDAYS) {
            return true;
        }
        BrokenDownTime t = tm.copy();
        if (libc.mktime(t) < 0) {
            return false;
        }
        int k = t.wday == 0 ? 6 : t.wday - 1;
        return (bits & (1 << k)) != 0;
    }
}
