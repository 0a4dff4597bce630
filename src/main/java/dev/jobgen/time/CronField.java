package dev.jobgen.time;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * One of the five fields of a cron line, as written (a list of ranges) plus the one syntactic fact
 * cron's day rule depends on: whether the field text starts with {@code *} ({@link #starred()}).
 */
public record CronField(Kind kind, List<CronRange> ranges, boolean starred) {
    /** The five fields in crontab(5) order, with their value ranges and names. */
    public enum Kind {
        MINUTE("minute", 0, 59, List.of()),
        HOUR("hour", 0, 23, List.of()),
        DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
        MONTH("month", 1, 12,
                List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
        /** 0 and 7 are both Sunday. */
        DAY_OF_WEEK("day-of-week", 0, 7, List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat"));

        private final String label;
        private final int min;
        private final int max;
        private final List<String> names;

        Kind(String label, int min, int max, List<String> names) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
        }

        public String label() {
            return label;
        }

        public int min() {
            return min;
        }

        public int max() {
            return max;
        }

        /** Lower-case three-letter names; the first stands for {@link #min()}. */
        public List<String> names() {
            return names;
        }
    }

    public CronField {
        Objects.requireNonNull(kind, "kind");
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("empty cron field");
        }
    }

    /** The values at which this field matches; for day-of-week 7 is folded into 0 (Sunday). */
    public BitSet values() {
        BitSet set = new BitSet(kind.max + 1);
        for (CronRange r : ranges) {
            for (int v = r.start(); v <= r.end(); v += r.step()) {
                set.set(kind == Kind.DAY_OF_WEEK && v == 7 ? 0 : v);
            }
        }
        return set;
    }

    /** Whether every value of the field matches (e.g. {@code *}, {@code 0-59}, {@code 0-6}). */
    public boolean isFull() {
        int top = kind == Kind.DAY_OF_WEEK ? 6 : kind.max;
        BitSet values = values();
        return values.nextClearBit(kind.min) > top;
    }
}
