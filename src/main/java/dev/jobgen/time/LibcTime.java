package dev.jobgen.time;

/**
 * glibc's localtime() and mktime() for one zone, with mktime()'s hidden state. systemd computes
 * elapses by normalizing broken-down time with mktime(), so its answers around DST changes are
 * whatever glibc's mktime() makes of a wall-clock time that does not exist or exists twice:
 *
 * <ul>
 *   <li>mktime() starts from the UTC offset of its previous call (a static variable in glibc) and
 *       corrects the guess by the difference it sees, at most six times. A repeated hour thus
 *       resolves to the offset used last; a time in a gap makes the probes oscillate between the
 *       two offsets, and glibc stops on the daylight-saving probe (checked against glibc 2.36).
 *   <li>With {@code tm_isdst} 0 or 1 (a zone abbreviation as DST flag) and a result whose flag
 *       differs, it looks for the nearest instant with the wanted flag (steps of 601200 s up to
 *       about 7 years either way) and reuses that offset, or shifts by an hour when none is found.
 *   <li>Seconds outside 0..59 are clamped for the search and added back at the end.
 * </ul>
 *
 * In UTC mode it is timegm()/gmtime(), which normalize arithmetically. This is a behavioural
 * model written from glibc's documented semantics and observed results, kept per computation so
 * the hidden state evolves as it does within one systemd call.
 */
final class LibcTime {
    private static final int STRIDE = 601_200;
    private static final int SEARCH_BOUND = 457_243_200 / 2 + STRIDE;
    private final TzZone zone;
    private long hint;
    // the last call, as mktime() is a function of (fields, flag, hint): systemd normalizes the
    // same fields several times in a row while checking one field after another
    private final BrokenDownTime lastIn = new BrokenDownTime();
    private final BrokenDownTime lastOut = new BrokenDownTime();
    private long lastHint = Long.MIN_VALUE;
    private long lastHintAfter;
    private long lastT;

    /** {@code zone} null means UTC (timegm/gmtime). */
    LibcTime(TzZone zone) {
        this.zone = zone;
    }

    void localtime(long t, BrokenDownTime into) {
        if (zone == null) {
            into.setFromLinear(t, 0);
        } else {
            into.setFromLinear(t + zone.offset(t), zone.isDst(t) ? 1 : 0);
        }
    }

    /** Normalizes {@code tm} in place and returns the instant, or -1 (like glibc on failure). */
    long mktime(BrokenDownTime tm) {
        long t;
        if (hint == lastHint && sameFields(tm, lastIn)) {
            tm.set(lastOut);
            t = lastT;
            hint = lastHintAfter;
        } else {
            lastIn.set(tm);
            lastHint = hint;
            t = normalize(tm);
            lastOut.set(tm);
            lastT = t;
            lastHintAfter = hint;
        }
        return t;
    }

    private static boolean sameFields(BrokenDownTime a, BrokenDownTime b) {
        return a.sec == b.sec && a.min == b.min && a.hour == b.hour && a.mday == b.mday && a.mon == b.mon
                && a.year == b.year && a.isdst == b.isdst;
    }

    private long normalize(BrokenDownTime tm) {
        if (zone == null) {
            long t = tm.linear(tm.sec);
            tm.setFromLinear(t, 0);
            return t;
        }
        int secRequested = tm.sec;
        int sec = Math.max(0, Math.min(59, secRequested));
        long wanted = tm.linear(sec);
        int isdst = tm.isdst;
        long t = wanted + hint;
        long t1 = t;
        long t2 = t;
        int probes = 6;
        int offset;
        boolean probeDst;
        boolean found = false;
        while (true) {
            offset = zone.offset(t);
            probeDst = zone.isDst(t);
            long dt = wanted - (t + offset);
            if (dt == 0) {
                break;
            }
            if (t == t1 && t != t2 && (isdst < 0 ? probeDst : (isdst != 0) != probeDst)) {
                found = true; // oscillating around a gap: keep this probe
                break;
            }
            if (--probes == 0) {
                return -1;
            }
            t1 = t2;
            t2 = t;
            t += dt;
        }
        if (!found && isdst >= 0 && (isdst != 0) != probeDst) {
            t = otherFlag(t, wanted, isdst != 0, probeDst);
        }
        hint = t - wanted;
        if (secRequested != sec) {
            t += secRequested - sec;
        }
        localtime(t, tm);
        return t;
    }

    /** The instant for {@code wanted} read with the offset of the nearest time whose DST flag is {@code dst}. */
    private long otherFlag(long t, long wanted, boolean dst, boolean actual) {
        for (long delta = STRIDE; delta < SEARCH_BOUND; delta += STRIDE) {
            for (int direction = -1; direction <= 1; direction += 2) {
                long probe = t + delta * direction;
                if (zone.isDst(probe) == dst) {
                    return wanted - zone.offset(probe);
                }
            }
        }
        int difference = (dst ? 0 : 1) - (actual ? 0 : 1);
        return t + 3600L * difference;
    }
}
