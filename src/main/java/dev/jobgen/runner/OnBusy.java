package dev.jobgen.runner;

import java.time.Duration;
import java.util.Objects;

/**
 * What to do when the lock is held by another run: give up at once ({@link #skip()}) or wait up to
 * {@code maxWait}; either way a run that does not get the lock is recorded as {@code skipped-locked}
 * (or {@code blocked}). The {@code maxBusySkips}-th such run in a row fails (0: never), so a lock
 * that someone keeps holding reaches {@code OnFailure=} instead of passing as success for ever.
 */
public record OnBusy(Duration maxWait, int maxBusySkips) {
    public static final int DEFAULT_MAX_BUSY_SKIPS = 3;

    public OnBusy {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxBusySkips < 0) {
            throw new IllegalArgumentException("maxBusySkips < 0");
        }
    }

    public OnBusy(Duration maxWait) {
        this(maxWait, DEFAULT_MAX_BUSY_SKIPS);
    }

    public static OnBusy skip() {
        return new OnBusy(Duration.ZERO);
    }

    OnBusy withMaxBusySkips(int n) {
        return new OnBusy(maxWait, n);
    }
}
