package dev.jobgen.runspec;

import dev.jobgen.time.TimeSpan;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run does when its lock is held: skip (empty wait), or wait up to a span. Either way a run
 * that does not get the lock is recorded as {@code skipped-locked} (or {@code blocked}).
 */
public record OnBusy(Optional<TimeSpan> waitUpTo) {
    public static final OnBusy SKIP = new OnBusy(Optional.empty());

    public OnBusy {
        Objects.requireNonNull(waitUpTo, "waitUpTo");
    }

    /** How long the runner waits for the lock: zero to skip at once. */
    public Duration maxWait() {
        return waitUpTo.isPresent() ? RunSpec.duration(waitUpTo.get()) : Duration.ZERO;
    }
}
