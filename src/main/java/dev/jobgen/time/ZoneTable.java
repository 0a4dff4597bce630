package dev.jobgen.time;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * A zone's offsets and DST flags from 1900 to 2300 as flat arrays, so the elapse search (which
 * asks for thousands of offsets per expression, and walks year by year up to 2199 for dates
 * that never occur) does a binary search on a long[] instead of having java.time compute each
 * year's transitions and allocate instants. Outside that span it asks the rules directly.
 */
final class ZoneTable {
    private static final long FROM = -2208988800L; // 1900-01-01T00:00Z
    private static final long TO = 10413792000L; // 2300-01-01T00:00Z
    private final ZoneRules rules;
    private final long[] starts;
    private final int[] offsets;
    private final boolean[] dst;

    ZoneTable(ZoneRules rules) {
        this.rules = rules;
        int n = 1;
        long[] s = new long[64];
        int[] o = new int[64];
        boolean[] d = new boolean[64];
        Instant at = Instant.ofEpochSecond(FROM);
        s[0] = Long.MIN_VALUE;
        o[0] = rules.getOffset(at).getTotalSeconds();
        d[0] = rules.isDaylightSavings(at);
        for (ZoneOffsetTransition t = rules.nextTransition(at); t != null && t.toEpochSecond() < TO;
                t = rules.nextTransition(t.getInstant())) {
            if (n == s.length) {
                s = Arrays.copyOf(s, n * 2);
                o = Arrays.copyOf(o, n * 2);
                d = Arrays.copyOf(d, n * 2);
            }
            s[n] = t.toEpochSecond();
            o[n] = t.getOffsetAfter().getTotalSeconds();
            d[n] = rules.isDaylightSavings(t.getInstant());
            n++;
        }
        starts = Arrays.copyOf(s, n);
        offsets = Arrays.copyOf(o, n);
        dst = Arrays.copyOf(d, n);
    }

    int offset(long t) {
        if (t < FROM || t >= TO) {
            return rules.getOffset(Instant.ofEpochSecond(t)).getTotalSeconds();
        }
        return offsets[segment(t)];
    }

    boolean isDaylightSavings(long t) {
        if (t < FROM || t >= TO) {
            return rules.isDaylightSavings(Instant.ofEpochSecond(t));
        }
        return dst[segment(t)];
    }

    private int segment(long t) {
        int i = Arrays.binarySearch(starts, t);
        return i >= 0 ? i : -i - 2;
    }
}
