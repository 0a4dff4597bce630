package dev.jobgen.runspec;

import dev.jobgen.time.TimeSpan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole input of one {@code jobgen run}: what the planner writes on the {@code ExecStart=}
 * line and the runner reads back ({@link RunArgs} does both, from one flag table). Spans stay
 * {@link TimeSpan}s as in the catalogue, so that what is written is what is read; the runner
 * takes them as {@link Duration}s through the accessors below. {@code stateDir} empty means
 * {@code $STATE_DIRECTORY}, else /var/lib/jobgen/JOB; {@code timeout} infinite means no limit.
 */
public record RunSpec(
        String job,
        Optional<Path> stateDir,
        Path lockDir,
        LockSpec lock,
        OnBusy onBusy,
        int maxBusySkips,
        ClusterSettings cluster,
        boolean idempotent,
        List<String> schedules,
        boolean force,
        TimeSpan timeout,
        TimeSpan killGrace,
        RetryPolicy retry,
        List<Integer> permanentExitCodes,
        Optional<HeartbeatSpec> heartbeat,
        int logTail,
        Optional<Path> metricsDir,
        List<String> command) {

    public static final Path DEFAULT_LOCK_DIR = Path.of("/run/lock/jobgen");
    /** The Nth busy run in a row fails (0: never), so a lock someone keeps holding reaches {@code OnFailure=}. */
    public static final int DEFAULT_MAX_BUSY_SKIPS = 3;
    public static final TimeSpan DEFAULT_KILL_GRACE = TimeSpan.ofSeconds(10);
    public static final int DEFAULT_LOG_TAIL = 10240;
    public static final int MAX_LOG_TAIL = 100 * 1024 * 1024;
    /** A lean run's facts in the state directory: the start phase writes them, the unit's shell and the end phase read them. */
    public static final String LEAN_FACTS_FILE = "run.env";
    /** What a lean unit's {@code flock -E} exits with when the lock was taken after the start phase found it free. */
    public static final int LEAN_LOCK_TAKEN_EXIT = 75;
    /** Waits count in {@code long} nanoseconds: longer spans ({@code 300y}, {@code infinity}) are capped here. */
    private static final long MAX_MICROS = Long.MAX_VALUE / 1000;

    public RunSpec {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(lockDir, "lockDir");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(onBusy, "onBusy");
        if (maxBusySkips < 0) {
            throw new IllegalArgumentException("maxBusySkips < 0");
        }
        Objects.requireNonNull(cluster, "cluster");
        schedules = List.copyOf(schedules);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(killGrace, "killGrace");
        Objects.requireNonNull(retry, "retry");
        permanentExitCodes = List.copyOf(permanentExitCodes);
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(metricsDir, "metricsDir");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
    }

    /** The state directory: {@code --state-dir}, else the first of {@code $STATE_DIRECTORY}, else /var/lib/jobgen/JOB. */
    public Path stateDirIn(Map<String, String> env) {
        if (stateDir.isPresent()) {
            return stateDir.get();
        }
        String dirs = env.get("STATE_DIRECTORY");
        if (dirs != null && !dirs.isEmpty()) {
            return Path.of(dirs.split(":", -1)[0]);
        }
        return Path.of("/var/lib/jobgen", job);
    }

    /** The per-attempt limit, empty for none. */
    public Optional<Duration> timeLimit() {
        return timeout.isInfinite() ? Optional.empty() : Optional.of(duration(timeout));
    }

    public Duration killGraceTime() {
        return duration(killGrace);
    }

    /** Whether an attempt that ended with {@code exitCode} as attempt number {@code attempt} is tried again. */
    public boolean retries(int attempt, int exitCode) {
        return attempt < retry.attempts() && !permanentExitCodes.contains(exitCode);
    }

    /**
     * A span as a Duration, capped at ~292 years (infinity too): the waits count in {@code long}
     * nanoseconds, and a longer span ({@code --timeout 300y}) overflowed them into an internal error.
     */
    public static Duration duration(TimeSpan span) {
        return Duration.of(Math.min(span.saturatedMicros(), MAX_MICROS), ChronoUnit.MICROS);
    }

    /**
     * The file a {@code --heartbeat-credential} or {@code --cluster-credential NAME} names:
     * {@code $CREDENTIALS_DIRECTORY/NAME}, as {@code LoadCredential=} delivers it. Here rather than
     * in a class of its own: this class is loaded (and archived) on every run, a new one would not be.
     */
    public static Path credentialFile(Map<String, String> env, String name) throws IOException {
        String dir = env.get("CREDENTIALS_DIRECTORY");
        if (dir == null || dir.isEmpty()) {
            throw new IOException("CREDENTIALS_DIRECTORY is not set (LoadCredential= missing from the unit?)");
        }
        return Path.of(dir, name);
    }

    public static Builder builder(String job, List<String> command) {
        return new Builder(job, command);
    }

    /** The {@code --cluster-*} and {@code --on-unavailable} flags, kept for the cluster coordinator. */
    public record ClusterSettings(Optional<Path> urlFile, Optional<String> credential, OnUnavailable onUnavailable) {
        public static final ClusterSettings NONE = new ClusterSettings(Optional.empty(), Optional.empty(), OnUnavailable.FAIL);

        public ClusterSettings {
            Objects.requireNonNull(urlFile, "urlFile");
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(onUnavailable, "onUnavailable");
        }
    }

    /** Starts from the runner's defaults, the one place they live; the planner, the parser and tests fill it. */
    public static final class Builder {
        public String job;
        public Optional<Path> stateDir = Optional.empty();
        public Path lockDir = DEFAULT_LOCK_DIR;
        public LockSpec lock = new LockSpec.None();
        public OnBusy onBusy = OnBusy.SKIP;
        public int maxBusySkips = DEFAULT_MAX_BUSY_SKIPS;
        public ClusterSettings cluster = ClusterSettings.NONE;
        public boolean idempotent;
        public List<String> schedules = new ArrayList<>();
        public boolean force;
        public TimeSpan timeout = TimeSpan.INFINITY;
        public TimeSpan killGrace = DEFAULT_KILL_GRACE;
        public RetryPolicy retry = RetryPolicy.NONE;
        public List<Integer> permanentExitCodes = List.of();
        public Optional<HeartbeatSpec> heartbeat = Optional.empty();
        public int logTail = DEFAULT_LOG_TAIL;
        public Optional<Path> metricsDir = Optional.empty();
        public List<String> command;

        Builder(String job, List<String> command) {
            this.job = job;
            this.command = command;
        }

        public RunSpec build() {
            return new RunSpec(job, stateDir, lockDir, lock, onBusy, maxBusySkips, cluster, idempotent, schedules, force,
                    timeout, killGrace, retry, permanentExitCodes, heartbeat, logTail, metricsDir, command);
        }
    }
}
