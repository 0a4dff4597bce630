package dev.jobgen.time;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A zone's offsets and DST flags as flat arrays, so the elapse search (which asks for thousands
 * of offsets per expression, and walks year by year up to 2199 for dates that never occur) does
 * a binary search on a long[] instead of allocating instants. The recorded transitions are copied
 * once; years after them are built from the zone's yearly rules on first use, one year at a time,
 * so a short run pays only for the years it visits.
 */
final class ZoneTable {
    private final ZoneRules rules;
    private final long[] starts;
    private final int[] offsets;
    private final boolean[] dst;
    private final long rulesFrom;
    private final List<ZoneOffsetTransitionRule> yearly;
    // shared by every spec of the zone, possibly from several threads
    private final Map<Integer, Segments> years = new ConcurrentHashMap<>();
    private volatile LastYear last = new LastYear(Long.MAX_VALUE, Long.MIN_VALUE, null);

    /** The year looked up last: consecutive lookups nearly always fall into the same year. */
    private record LastYear(long from, long to, Segments segments) {}

    /** Transitions as parallel arrays: from {@code starts[i]} on, {@code offsets[i]} and {@code dst[i]} hold. */
    private record Segments(long[] starts, int[] offsets, boolean[] dst) {
        int find(long t) {
            int i = Arrays.binarySearch(starts, t);
            return i >= 0 ? i : -i - 2;
        }
    }

    ZoneTable(ZoneRules rules) {
        this.rules = rules;
        List<ZoneOffsetTransition> recorded = rules.getTransitions();
        int n = recorded.size() + 1;
        starts = new long[n];
        offsets = new int[n];
        dst = new boolean[n];
        starts[0] = Long.MIN_VALUE;
        Instant first = recorded.isEmpty() ? Instant.EPOCH : recorded.get(0).getInstant().minusSeconds(1);
        offsets[0] = rules.getOffset(first).getTotalSeconds();
        dst[0] = rules.isDaylightSavings(first);
        for (int i = 1; i < n; i++) {
            ZoneOffsetTransition t = recorded.get(i - 1);
            starts[i] = t.toEpochSecond();
            offsets[i] = t.getOffsetAfter().getTotalSeconds();
            dst[i] = rules.isDaylightSavings(t.getInstant());
        }
        yearly = rules.getTransitionRules();
        rulesFrom = yearly.isEmpty() ? Long.MAX_VALUE : recorded.get(recorded.size() - 1).toEpochSecond();
    }

    int offset(long t) {
        if (t < rulesFrom) {
            return offsets[segment(t)];
        }
        Segments y = year(t);
        return y.offsets[y.find(t)];
    }

    boolean isDaylightSavings(long t) {
        if (t < rulesFrom) {
            return dst[segment(t)];
        }
        Segments y = year(t);
        return y.dst[y.find(t)];
    }

    private int segment(long t) {
        int i = Arrays.binarySearch(starts, t);
        return i >= 0 ? i : -i - 2;
    }

    /** The segments covering the UTC year of {@code t}, starting with the state at its first second. */
    private Segments year(long t) {
        LastYear recent = last;
        if (t >= recent.from() && t < recent.to()) {
            return recent.segments();
        }
        int y = 1970 + (int) Math.floorDiv(Math.floorDiv(t, 86400L) * 400, 146097L);
        while (BrokenDownTime.daysFromCivil(y, 1, 1) * 86400L > t) {
            y--;
        }
        while (BrokenDownTime.daysFromCivil(y + 1, 1, 1) * 86400L <= t) {
            y++;
        }
        Segments segments = years.computeIfAbsent(y, this::buildYear);
        last = new LastYear(BrokenDownTime.daysFromCivil(y, 1, 1) * 86400L, BrokenDownTime.daysFromCivil(y + 1, 1, 1) * 86400L,
                segments);
        return segments;
    }

    private Segments buildYear(int y) {
        long from = BrokenDownTime.daysFromCivil(y, 1, 1) * 86400L;
        int n = yearly.size() + 1;
        long[] s = new long[n];
        int[] o = new int[n];
        boolean[] d = new boolean[n];
        s[0] = Long.MIN_VALUE;
        Instant begin = Instant.ofEpochSecond(from);
        o[0] = rules.getOffset(begin).getTotalSeconds();
        d[0] = rules.isDaylightSavings(begin);
        int k = 1;
        for (ZoneOffsetTransition tr : yearly.stream().map(r -> r.createTransition(y)).sorted().toList()) {
            s[k] = tr.toEpochSecond();
            o[k] = tr.getOffsetAfter().getTotalSeconds();
            d[k] = rules.isDaylightSavings(tr.getInstant());
            k++;
        }
        return new Segments(s, o, d);
    }
}
