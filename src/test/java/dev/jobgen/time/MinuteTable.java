package dev.jobgen.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;

/**
 * Every minute of a span of real time, with the wall-clock fields it shows in one zone, computed
 * once so that hundreds of expressions can be checked minute by minute cheaply.
 */
final class MinuteTable {
    private final Instant start;
    private final int[] minute;
    private final int[] hour;
    private final int[] dom;
    private final int[] month;
    private final int[] dow;
    /** The minute repeats a wall-clock time already shown once (the second pass of a DST fall-back). */
    private final BitSet repeated = new BitSet();

    MinuteTable(ZoneId zone, Instant start, Instant end) {
        this.start = start;
        int n = (int) ((end.getEpochSecond() - start.getEpochSecond()) / 60);
        minute = new int[n];
        hour = new int[n];
        dom = new int[n];
        month = new int[n];
        dow = new int[n];
        for (int i = 0; i < n; i++) {
            Instant t = start.plusSeconds(60L * i);
            LocalDateTime local = LocalDateTime.ofInstant(t, zone);
            minute[i] = local.getMinute();
            hour[i] = local.getHour();
            dom[i] = local.getDayOfMonth();
            month[i] = local.getMonthValue();
            dow[i] = local.getDayOfWeek().getValue() % 7;
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
            if (offsets.size() == 2 && !offsets.get(0).equals(zone.getRules().getOffset(t))) {
                repeated.set(i);
            }
        }
    }

    int size() {
        return minute.length;
    }

    Instant instant(int i) {
        return start.plusSeconds(60L * i);
    }

    /** Index of {@code t} when it is a whole minute inside the table, else -1. */
    int indexOf(Instant t) {
        long seconds = t.getEpochSecond() - start.getEpochSecond();
        if (t.getNano() != 0 || seconds % 60 != 0 || seconds < 0 || seconds / 60 >= size()) {
            return -1;
        }
        return (int) (seconds / 60);
    }

    /**
     * The minutes at which cron runs the line, naively: every real minute whose wall clock matches.
     * With {@code firstPassOnly}, a wall-clock time shown twice (DST fall-back) counts only once,
     * at its first occurrence: what we promise for systemd timers.
     */
    BitSet cronMinutes(CrontabEvaluator cron, boolean firstPassOnly) {
        BitSet out = new BitSet(size());
        for (int i = 0; i < size(); i++) {
            if (cron.fires(minute[i], hour[i], dom[i], month[i], dow[i]) && !(firstPassOnly && repeated.get(i))) {
                out.set(i);
            }
        }
        return out;
    }

    BitSet repeatedMinutes() {
        return (BitSet) repeated.clone();
    }
}
