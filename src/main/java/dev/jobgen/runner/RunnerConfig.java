package dev.jobgen.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one {@code jobgen run} invocation was told by its flags, with defaults applied.
 * {@code timeout} empty means no limit; {@code command} is the child's argv.
 */
public record RunnerConfig(
        String job,
        Path stateDir,
        Path lockDir,
        LockScope lock,
        OnBusy onBusy,
        boolean idempotent,
        List<String> schedules,
        Optional<Duration> timeout,
        Duration killGrace,
        RetryPolicy retry,
        Optional<HeartbeatConfig> heartbeat,
        int logTail,
        Optional<Path> metricsDir,
        boolean force,
        ClusterSettings cluster,
        List<String> command) {

    public static final Path DEFAULT_LOCK_DIR = Path.of("/run/lock/jobgen");
    public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(10);
    public static final int DEFAULT_LOG_TAIL = 10240;

    public RunnerConfig {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(lockDir, "lockDir");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(onBusy, "onBusy");
        schedules = List.copyOf(schedules);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(killGrace, "killGrace");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(metricsDir, "metricsDir");
        Objects.requireNonNull(cluster, "cluster");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
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

    /** The {@code --cluster-*} and {@code --on-unavailable} flags, kept for the cluster coordinator. */
    public record ClusterSettings(Optional<Path> urlFile, Optional<String> credential, OnUnavailable onUnavailable) {
        public ClusterSettings {
            Objects.requireNonNull(urlFile, "urlFile");
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(onUnavailable, "onUnavailable");
        }

        public static ClusterSettings none() {
            return new ClusterSettings(Optional.empty(), Optional.empty(), OnUnavailable.fail);
        }
    }

    /** What a cluster-locked job does when the coordinator cannot be reached. */
    public enum OnUnavailable {
        fail,
        run,
        skip
    }
}
