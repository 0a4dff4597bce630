package dev.jobgen.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of {@code runs.jsonl}: a run from lock to exit. {@code exitCode} is the runner's exit
 * status (0 for skips), {@code attempts} 0 when the command never started.
 */
public record RunRecord(
        String runId,
        String job,
        Optional<Instant> period,
        Instant start,
        Instant end,
        int attempts,
        Outcome outcome,
        int exitCode,
        String host) {

    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(host, "host");
    }

    public long durationMillis() {
        return Math.max(0, end.toEpochMilli() - start.toEpochMilli());
    }
}
