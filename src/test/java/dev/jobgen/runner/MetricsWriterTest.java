package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The metrics text keeps the numbers {@code %.3f} gave before the writer stopped using a formatter
 * (which loads locale data at the end of every run): same digits, same half-up rounding.
 */
class MetricsWriterTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static RunRecord run(Instant start, Instant end, Outcome outcome) {
        return new RunRecord("r", "backup", Optional.empty(), start, end, 1, outcome, outcome == Outcome.SUCCESS ? 0 : 1, "n");
    }

    private static String line(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name + "{")).findFirst().orElseThrow(() -> new AssertionError(name + " in\n" + text));
    }

    @Test
    void durationsAndTimestampsAreWrittenAsPercentThreeF() {
        for (long millis : new long[] {0, 1, 5, 999, 1000, 1234, 1500, 60_001, 86_399_999}) {
            for (long nanosOfEnd : new long[] {0, 500_000, 1_000_000, 123_456_789, 999_500_000, 999_999_999}) {
                Instant end = T0.plusNanos(nanosOfEnd);
                String text = MetricsWriter.render("backup", List.of(run(end.minusMillis(millis), end, Outcome.SUCCESS)),
                        Optional.of(end.plusSeconds(3600)));
                double seconds = millis / 1000.0;
                String duration = seconds == Math.rint(seconds) ? Long.toString((long) seconds) : String.format(Locale.ROOT, "%.3f", seconds);
                assertEquals("jobgen_last_duration_seconds{job=\"backup\"} " + duration, line(text, "jobgen_last_duration_seconds"));
                double at = end.getEpochSecond() + end.getNano() / 1e9;
                String stamp = at == Math.rint(at) ? Long.toString((long) at) : String.format(Locale.ROOT, "%.3f", at);
                assertEquals("jobgen_last_success_timestamp_seconds{job=\"backup\"} " + stamp, line(text, "jobgen_last_success_timestamp_seconds"));
            }
        }
    }

    @Test
    void absentFactsWriteNoGauge() {
        String text = MetricsWriter.render("backup", List.of(run(T0, T0, Outcome.SKIPPED_LOCKED)), Optional.empty());
        assertTrue(!text.contains("jobgen_last_success_timestamp_seconds") && !text.contains("jobgen_next_expected_timestamp_seconds"), text);
        assertTrue(!text.contains("jobgen_last_run_timestamp_seconds"), "a skip started no command:\n" + text);
        assertEquals("jobgen_consecutive_lock_skips{job=\"backup\"} 1", line(text, "jobgen_consecutive_lock_skips"));
        assertTrue(text.contains("jobgen_runs_total{job=\"backup\",outcome=\"skipped-locked\"} 1"), text);
    }
}
