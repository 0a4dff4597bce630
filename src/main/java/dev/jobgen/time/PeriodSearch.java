package dev.jobgen.time;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * The latest elapse at or before an instant, from a forward-only elapse search: widen a window
 * back from the instant until it holds an elapse, then close in on the last one by halving the
 * span that may still hold later elapses, so dense events far back cost logarithmic time.
 */
final class PeriodSearch {
    private static final List<Duration> WINDOWS = List.of(
            Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofDays(32), Duration.ofDays(367), Duration.ofDays(366 * 10), Duration.ofDays(366 * 240));

    private PeriodSearch() {}

    /** The latest elapse at or before {@code at} (microseconds), or empty when there is none. */
    static OptionalLong latestAtOrBefore(ElapseFinder finder, long at) {
        for (Duration window : WINDOWS) {
            long from = Math.max(-1, at - window.toNanos() / 1000 - 1);
            OptionalLong e = finder.next(from);
            if (e.isPresent() && e.getAsLong() <= at) {
                return OptionalLong.of(last(finder, e.getAsLong(), at));
            }
            if (from < 0) {
                break;
            }
        }
        return OptionalLong.empty();
    }

    /** The last elapse in {@code [known, at]}, given that {@code known} is one. */
    private static long last(ElapseFinder finder, long known, long at) {
        long lo = known;
        long hi = at; // no elapse in (hi, at]
        while (true) {
            OptionalLong n = finder.next(lo);
            if (n.isEmpty() || n.getAsLong() > hi) {
                return lo;
            }
            lo = n.getAsLong();
            long mid = lo + (hi - lo) / 2;
            OptionalLong m = finder.next(mid);
            if (m.isPresent() && m.getAsLong() <= hi) {
                lo = m.getAsLong();
            } else {
                hi = mid;
            }
        }
    }
}
