package dev.jobgen.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A {@link RunnerConfig} for in-process tests, built without the flag parser (and so without TimeSpan). */
final class TestConfig {
    String job = "demo";
    Path stateDir;
    Path lockDir;
    LockScope lock = new LockScope.None();
    OnBusy onBusy = OnBusy.skip();
    boolean idempotent;
    List<String> schedules = List.of();
    Optional<Duration> timeout = Optional.empty();
    Duration killGrace = Duration.ofSeconds(2);
    RetryPolicy retry = RetryPolicy.once();
    Optional<HeartbeatConfig> heartbeat = Optional.empty();
    int logTail = 1024;
    Optional<Path> metricsDir = Optional.empty();
    boolean force;
    List<String> command;

    TestConfig(Path dir, String shellScript) {
        this.stateDir = dir.resolve("state");
        this.lockDir = dir.resolve("lock");
        this.command = List.of("/bin/sh", "-c", shellScript);
    }

    RunnerConfig build() {
        return new RunnerConfig(job, stateDir, lockDir, lock, onBusy, idempotent, schedules, timeout, killGrace, retry,
                heartbeat, logTail, metricsDir, force, RunnerConfig.ClusterSettings.none(), command);
    }
}
