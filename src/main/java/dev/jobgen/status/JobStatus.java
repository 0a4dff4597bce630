package dev.jobgen.status;

import dev.jobgen.history.HistorySummary;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One job's status: its health, why (the reasons a person reads), what its history says, and
 * when the next run is expected.
 */
public record JobStatus(String job, Health health, List<String> reasons, HistorySummary history,
        Optional<Instant> nextExpected) {
    public JobStatus {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(health, "health");
        reasons = List.copyOf(reasons);
    }
}
