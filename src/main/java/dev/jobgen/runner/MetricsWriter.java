package dev.jobgen.runner;

import dev.jobgen.history.HistorySummary;
import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Prometheus textfile metrics for node_exporter's textfile collector: {@code DIR/jobgen_JOB.prom},
 * replaced atomically so the collector never reads half a file. The text comes from
 * {@link #render}, which is pure, so {@code jobgen status} can print the same metrics.
 */
public final class MetricsWriter {
    private final Path dir;

    public MetricsWriter(Path dir) {
        this.dir = dir;
    }

    public Path write(String job, List<RunRecord> history, Optional<Instant> nextExpected) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("jobgen_" + job + ".prom");
        AtomicFile.write(file, render(job, history, nextExpected).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** The exposition text for one job. */
    public static String render(String job, List<RunRecord> history, Optional<Instant> nextExpected) {
        HistorySummary summary = HistorySummary.of(history);
        Optional<RunRecord> last = HistorySummary.lastAttempted(history);
        String label = "{job=\"" + job + "\"}";
        StringBuilder sb = new StringBuilder(1024);
        // no lambdas here nor String.format below: this runs at the end of every run that writes metrics, where
        // the first lambda costs the method-handle machinery and the first format the locale data (bench/)
        if (summary.lastSuccess().isPresent()) {
            gauge(sb, "jobgen_last_success_timestamp_seconds", "End of the last successful run.", label,
                    seconds(summary.lastSuccess().get().end()));
        }
        if (last.isPresent()) {
            RunRecord r = last.get();
            gauge(sb, "jobgen_last_run_timestamp_seconds", "End of the last run that started the command.", label, seconds(r.end()));
            gauge(sb, "jobgen_last_duration_seconds", "Duration of the last run that started the command.", label,
                    number(r.durationMillis() / 1000.0));
            gauge(sb, "jobgen_last_exit_code", "Exit status of the last run that started the command.", label,
                    Integer.toString(r.exitCode()));
        }
        gauge(sb, "jobgen_consecutive_failures", "Failed runs since the last success.", label,
                Integer.toString(summary.consecutiveFailures()));
        gauge(sb, "jobgen_consecutive_lock_skips", "Runs skipped because the lock was busy, since the last other run.", label,
                Integer.toString(trailingLockSkips(history)));
        if (nextExpected.isPresent()) {
            gauge(sb, "jobgen_next_expected_timestamp_seconds", "Next elapse of the job's schedule.", label, seconds(nextExpected.get()));
        }
        sb.append("# HELP jobgen_runs_total Runs in the kept history, by outcome.\n");
        sb.append("# TYPE jobgen_runs_total counter\n");
        for (Outcome o : Outcome.values()) {
            sb.append("jobgen_runs_total{job=\"").append(job).append("\",outcome=\"").append(o.id()).append("\"} ")
                    .append(summary.countsByOutcome().get(o)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Skips count as runs for health (the job worked as designed), so only this gauge tells an
     * alert that a lock has stayed busy run after run and the command has not started for a while.
     */
    private static int trailingLockSkips(List<RunRecord> history) {
        int n = 0;
        for (int i = history.size() - 1; i >= 0 && history.get(i).outcome() == Outcome.SKIPPED_LOCKED; i--) {
            n++;
        }
        return n;
    }

    private static void gauge(StringBuilder sb, String name, String help, String label, String value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" gauge\n");
        sb.append(name).append(label).append(' ').append(value).append('\n');
    }

    private static String seconds(Instant t) {
        return number(t.getEpochSecond() + t.getNano() / 1e9);
    }

    private static String number(double d) {
        // %.3f's rounding: half up, of the shortest decimal that reads back as d
        return d == Math.rint(d) ? Long.toString((long) d) : BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }
}
