package dev.jobgen.runner;

import java.time.Duration;
import java.util.Objects;

/**
 * What to do when the lock is held by another run: give up at once ({@link #skip()}) or wait up to
 * {@code maxWait}; either way a run that does not get the lock is recorded as {@code skipped-locked}.
 */
public record OnBusy(Duration maxWait) {
    public OnBusy {
        Objects.requireNonNull(maxWait, "maxWait");
    }

    public static OnBusy skip() {
        return new OnBusy(Duration.ZERO);
    }
}
