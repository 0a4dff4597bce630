package dev.jobgen.model;

import dev.jobgen.time.TimeSpan;
import java.util.Objects;
import java.util.Optional;

/**
 * When a job runs: the catalogue's {@code schedule}/{@code cron}/{@code every}, {@code timezone},
 * {@code jitter}, {@code accuracy}, {@code catch-up} and {@code enabled} keys, which become the
 * job's {@code .timer} unit.
 */
public record Timer(Schedule schedule, Optional<String> timezone, Optional<TimeSpan> jitter, TimeSpan accuracy,
        boolean catchUp, boolean enabled) {
    /** systemd's own default of 1min makes a job start up to a minute late. */
    public static final TimeSpan DEFAULT_ACCURACY = TimeSpan.ofSeconds(1);

    public Timer {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(accuracy, "accuracy");
        if (jitter.filter(TimeSpan::isInfinite).isPresent()) {
            throw new IllegalArgumentException("jitter must be finite");
        }
    }

}
