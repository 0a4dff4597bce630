package dev.jobgen.history;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a job's history says about its health, computed purely from the records (oldest first):
 * the last run, the last success, consecutive failures since that success (skips neither count
 * nor reset), and runs per outcome. {@code jobgen status}, {@code notify} and the metrics use it.
 */
public record HistorySummary(
        Optional<RunRecord> lastRun,
        Optional<RunRecord> lastSuccess,
        int consecutiveFailures,
        Map<Outcome, Integer> countsByOutcome) {

    public HistorySummary {
        countsByOutcome = Map.copyOf(countsByOutcome);
    }

    public static HistorySummary of(List<RunRecord> records) {
        RunRecord last = null;
        RunRecord lastSuccess = null;
        int failures = 0;
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        for (RunRecord r : records) {
            // not merge(..., Integer::sum): the method reference's boxing adapter is a class the JVM spins at
            // run time, beyond the CDS archive, at the end of every run that writes metrics
            counts.put(r.outcome(), counts.get(r.outcome()) + 1);
            last = r;
            if (r.outcome() == Outcome.SUCCESS) {
                lastSuccess = r;
                failures = 0;
            } else if (r.outcome().isFailure()) {
                failures++;
            }
        }
        return new HistorySummary(Optional.ofNullable(last), Optional.ofNullable(lastSuccess), failures, counts);
    }

    /** The last run that started the command (not a skip). */
    public static Optional<RunRecord> lastAttempted(List<RunRecord> records) {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (!records.get(i).outcome().isSkip()) {
                return Optional.of(records.get(i));
            }
        }
        return Optional.empty();
    }
}
