package dev.jobgen.runner;

import dev.jobgen.runspec.HeartbeatSpec;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.OnBusy;
import dev.jobgen.runspec.RetryPolicy;
import dev.jobgen.runspec.RunSpec;
import dev.jobgen.time.TimeSpan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A {@link RunSpec} for in-process tests, built without the flag parser, with the waits as Durations. */
final class TestConfig {
    String job = "demo";
    Path stateDir;
    Path lockDir;
    LockSpec lock = new LockSpec.None();
    OnBusy onBusy = OnBusy.SKIP;
    boolean idempotent;
    List<String> schedules = List.of();
    Optional<Duration> timeout = Optional.empty();
    Duration killGrace = Duration.ofSeconds(2);
    RetryPolicy retry = RetryPolicy.NONE;
    List<Integer> permanentExitCodes = List.of();
    Optional<HeartbeatSpec> heartbeat = Optional.empty();
    int logTail = 1024;
    Optional<Path> metricsDir = Optional.empty();
    boolean force;
    List<String> command;

    TestConfig(Path dir, String shellScript) {
        this.stateDir = dir.resolve("state");
        this.lockDir = dir.resolve("lock");
        this.command = List.of("/bin/sh", "-c", shellScript);
    }

    static TimeSpan span(Duration d) {
        return new TimeSpan(d.toNanos() / 1000);
    }

    RunSpec build() {
        RunSpec.Builder s = RunSpec.builder(job, command);
        s.stateDir = Optional.of(stateDir);
        s.lockDir = lockDir;
        s.lock = lock;
        s.onBusy = onBusy;
        s.idempotent = idempotent;
        s.schedules = schedules;
        s.timeout = timeout.map(TestConfig::span).orElse(TimeSpan.INFINITY);
        s.killGrace = span(killGrace);
        s.retry = retry;
        s.permanentExitCodes = permanentExitCodes;
        s.heartbeat = heartbeat;
        s.logTail = logTail;
        s.metricsDir = metricsDir;
        s.force = force;
        return s.build();
    }
}
