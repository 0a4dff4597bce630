package dev.jobgen.runspec;

import dev.jobgen.time.TimeSpan;
import java.util.Objects;
import java.util.Optional;

/** How often a failed attempt is tried again: {@code attempts} in total, delays growing by {@code backoff}. */
public record RetryPolicy(int attempts, TimeSpan delay, double backoff, Optional<TimeSpan> maxDelay) {
    public static final RetryPolicy NONE = new RetryPolicy(1, TimeSpan.ZERO, 1.0, Optional.empty());

    public RetryPolicy {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (attempts < 1 || backoff < 1.0) {
            throw new IllegalArgumentException("attempts >= 1 and backoff >= 1 required");
        }
    }

    public boolean retries() {
        return attempts > 1;
    }

    /** The delay before attempt {@code n + 1} (n counts from 1), capped by max-delay, in microseconds. */
    public long delayAfterAttemptMicros(int n) {
        double d = delay.saturatedMicros() * Math.pow(backoff, n - 1);
        long capped = d >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) d;
        return maxDelay.map(m -> Math.min(capped, m.saturatedMicros())).orElse(capped);
    }
}
