package dev.jobgen.runner;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How often a failed attempt is repeated: {@code attempts} in total, the n-th retry waiting
 * {@code delay * backoff^(n-1)} capped at {@code maxDelay}; exit codes in {@code permanent} are
 * never retried.
 */
public record RetryPolicy(int attempts, Duration delay, double backoff, Optional<Duration> maxDelay, Set<Integer> permanent) {
    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (!(backoff >= 1.0) || Double.isInfinite(backoff)) {
            throw new IllegalArgumentException("backoff must be a finite number >= 1");
        }
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        permanent = Set.copyOf(permanent);
    }

    public static RetryPolicy once() {
        return new RetryPolicy(1, Duration.ZERO, 1.0, Optional.empty(), Set.of());
    }

    /** The pause before retry number {@code retry} (1 = the pause after the first attempt). */
    public Duration delayBefore(int retry) {
        double micros = delay.toNanos() / 1000.0 * Math.pow(backoff, retry - 1);
        Duration d = micros >= Long.MAX_VALUE / 1000.0 ? Duration.ofNanos(Long.MAX_VALUE) : Duration.ofNanos((long) (micros * 1000));
        return maxDelay.isPresent() && maxDelay.get().compareTo(d) < 0 ? maxDelay.get() : d;
    }

    /** Whether an attempt that ended with {@code exitCode} as attempt number {@code attempt} is retried. */
    public boolean retries(int attempt, int exitCode) {
        return attempt < attempts && !permanent.contains(exitCode);
    }
}
