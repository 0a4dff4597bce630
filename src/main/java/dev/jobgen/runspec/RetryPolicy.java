package dev.jobgen.runspec;

import dev.jobgen.time.TimeSpan;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How often a failed attempt is tried again: {@code attempts} in total, the n-th retry waiting
 * {@code delay * backoff^(n-1)} capped at {@code maxDelay}. The planner sizes the unit's start
 * timeout and the runner sleeps with the same arithmetic, here.
 */
public record RetryPolicy(int attempts, TimeSpan delay, double backoff, Optional<TimeSpan> maxDelay) {
    public static final RetryPolicy NONE = new RetryPolicy(1, TimeSpan.ZERO, 1.0, Optional.empty());

    public RetryPolicy {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (!(backoff >= 1.0) || Double.isInfinite(backoff)) {
            throw new IllegalArgumentException("backoff must be a finite number >= 1");
        }
    }

    public boolean retries() {
        return attempts > 1;
    }

    /** The delay before attempt {@code n + 1} (n counts from 1), capped by max-delay, in microseconds. */
    public long delayAfterAttemptMicros(int n) {
        double d = delay.saturatedMicros() * Math.pow(backoff, n - 1);
        long capped = d >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) d;
        // no Optional.map here: lambdas cost the runner start-up (see runner/CalendarPeriods)
        return maxDelay.isPresent() ? Math.min(capped, maxDelay.get().saturatedMicros()) : capped;
    }

    /** {@link #delayAfterAttemptMicros} as the runner sleeps it. */
    public Duration delayBefore(int retry) {
        return RunSpec.duration(new TimeSpan(delayAfterAttemptMicros(retry)));
    }
}
