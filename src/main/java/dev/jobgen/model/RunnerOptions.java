package dev.jobgen.model;

import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.OnBusy;
import dev.jobgen.runspec.OnUnavailable;
import dev.jobgen.runspec.RetryPolicy;
import dev.jobgen.time.TimeSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How each run is attempted: the catalogue's {@code timeout}, {@code retry},
 * {@code permanent-exit-codes}, {@code lock}, {@code on-busy}, {@code cluster}, {@code idempotent}
 * and {@code metrics-dir} keys. Most of them are carried out by the runner ({@code jobgen run});
 * the timeout also bounds a job that runs without it.
 */
public record RunnerOptions(TimeSpan timeout, RetryPolicy retry, List<Integer> permanentExitCodes, LockSpec lock,
        OnBusy onBusy, Optional<String> clusterUrlFile, OnUnavailable onUnavailable, boolean idempotent,
        Optional<String> metricsDir) {
    public static final TimeSpan DEFAULT_TIMEOUT = TimeSpan.ofSeconds(3600);
    public static final RunnerOptions DEFAULTS = new RunnerOptions(DEFAULT_TIMEOUT, RetryPolicy.NONE, List.of(),
            new LockSpec.None(), OnBusy.SKIP, Optional.empty(), OnUnavailable.FAIL, false, Optional.empty());

    public RunnerOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(onBusy, "onBusy");
        Objects.requireNonNull(clusterUrlFile, "clusterUrlFile");
        Objects.requireNonNull(onUnavailable, "onUnavailable");
        Objects.requireNonNull(metricsDir, "metricsDir");
        if (timeout.usec() == 0) {
            throw new IllegalArgumentException("timeout must be longer than 0 (infinity is no limit)");
        }
        permanentExitCodes = List.copyOf(permanentExitCodes);
        if (permanentExitCodes.stream().anyMatch(code -> code < 1 || code > 255)) {
            throw new IllegalArgumentException("exit codes are 1 to 255: " + permanentExitCodes);
        }
    }

    /** Whether any of these options needs the runner (the timeout alone does not). */
    boolean needRunner() {
        return !(lock instanceof LockSpec.None) || idempotent || retry.retries() || metricsDir.isPresent();
    }
}
