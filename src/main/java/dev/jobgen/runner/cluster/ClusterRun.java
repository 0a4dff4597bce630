package dev.jobgen.runner.cluster;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the cluster history ({@code jobgen.runs}): which node (host, run id) ran or skipped
 * which period of a job. {@code outcome} is a runner outcome id ({@code success},
 * {@code skipped-peer}...), or {@code running} while it runs and {@code lost} when its node died
 * and a peer took the period over. Times are the node's own clock.
 */
public record ClusterRun(String job, String period, String runId, String host, Instant start, Optional<Instant> end,
        String outcome, Optional<Integer> exitCode) {
    public ClusterRun {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(exitCode, "exitCode");
    }
}
