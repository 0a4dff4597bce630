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
    /** The recorded transitions, valid before {@link #rulesFrom}. */
    private final Segments recorded;
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
        List<ZoneOffsetTransition> transitions = rules.getTransitions();
        Instant first = transitions.isEmpty() ? Instant.EPOCH : transitions.get(0).getInstant().minusSeconds(1);
        recorded = segments(first, transitions);
        yearly = rules.getTransitionRules();
        rulesFrom = yearly.isEmpty() ? Long.MAX_VALUE : transitions.get(transitions.size() - 1).toEpochSecond();
    }

    int offset(long t) {
        Segments s = t < rulesFrom ? recorded : year(t);
        return s.offsets[s.find(t)];
    }

    boolean isDaylightSavings(long t) {
        Segments s = t < rulesFrom ? recorded : year(t);
        return s.dst[s.find(t)];
    }

    /** The state at {@code before}, then the state after each of {@code transitions} (ascending). */
    private Segments segments(Instant before, List<ZoneOffsetTransition> transitions) {
        int n = transitions.size() + 1;
        long[] s = new long[n];
        int[] o = new int[n];
        boolean[] d = new boolean[n];
        s[0] = Long.MIN_VALUE;
        o[0] = rules.getOffset(before).getTotalSeconds();
        d[0] = rules.isDaylightSavings(before);
        for (int i = 1; i < n; i++) {
            ZoneOffsetTransition t = transitions.get(i - 1);
            s[i] = t.toEpochSecond();
            o[i] = t.getOffsetAfter().getTotalSeconds();
            d[i] = rules.isDaylightSavings(t.getInstant());
        }
        return new Segments(s, o, d);
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
        return segments(Instant.ofEpochSecond(from), yearly.stream().map(r -> r.createTransition(y)).sorted().toList());
    }
}
