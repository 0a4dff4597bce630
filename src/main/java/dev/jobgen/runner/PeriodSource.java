package dev.jobgen.runner;

import java.time.Instant;
import java.util.Optional;

/**
 * The job's current schedule period: the latest elapse of its schedule at or before {@code now},
 * or empty when it has no schedule or the schedule never elapsed yet. A fixed implementation lets
 * tests choose the period.
 */
@FunctionalInterface
public interface PeriodSource {
    Optional<Instant> periodAt(Instant now);

    /** The next elapse strictly after {@code now}, for the next-expected metric; empty when unknown. */
    default Optional<Instant> nextAfter(Instant now) {
        return Optional.empty();
    }

    /** For jobs without a schedule. */
    static PeriodSource none() {
        return new PeriodSource() {
            @Override
            public Optional<Instant> periodAt(Instant now) {
                return Optional.empty();
            }
        };
    }
}
