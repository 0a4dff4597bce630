package dev.jobgen.runner;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run of a job, in the order of DESIGN.md "Runner": lock, period stamp check, heartbeat start,
 * attempts with retries, stamp, history, metrics, heartbeat end. Returns the runner's exit status:
 * 0 on success or skip, else the child's final status (128+signal when killed). The hot path has
 * no lambdas or streams: see {@link CalendarPeriods}.
 */
public final class Runner {
    private final RunnerConfig config;
    private final PeriodSource periods;
    private final Clock clock;
    private final Map<String, String> env;
    private final Console console;
    private final Signals signals;
    private final ProcessGroup group;
    private final String host;
    private final Optional<ClusterCoordinator> cluster;
    private ClusterCoordinator.Lease lease;

    Runner(RunnerConfig config, PeriodSource periods, Clock clock, Map<String, String> env, Console console,
            Signals signals, ProcessGroup group, String host) {
        this(config, periods, clock, env, console, signals, group, host, Optional.empty());
    }

    Runner(RunnerConfig config, PeriodSource periods, Clock clock, Map<String, String> env, Console console,
            Signals signals, ProcessGroup group, String host, Optional<ClusterCoordinator> cluster) {
        this.config = Objects.requireNonNull(config);
        this.periods = Objects.requireNonNull(periods);
        this.clock = Objects.requireNonNull(clock);
        this.env = Map.copyOf(env);
        this.console = Objects.requireNonNull(console);
        this.signals = Objects.requireNonNull(signals);
        this.group = Objects.requireNonNull(group);
        this.host = Objects.requireNonNull(host);
        this.cluster = Objects.requireNonNull(cluster);
    }

    /** The facts fixed for the whole run, shared by every attempt. */
    private record Run(String id, Instant start, Optional<Instant> period) {
        String periodText() {
            return period.isPresent() ? IsoInstant.format(period.get()) : "";
        }
    }

    private record Result(Outcome outcome, int exitCode, int attempts) {}

    public int run() throws IOException {
        Instant start = clock.instant();
        Run run = new Run(RunId.random(), start, periods.periodAt(start));
        if (config.lock() instanceof LockScope.Cluster) {
            return runClustered(run);
        }
        Optional<String> lockName = LockFile.fileName(config.lock());
        LockFile lock = null;
        if (lockName.isPresent()) {
            lock = LockFile.acquire(config.lockDir(), lockName.get(), config.onBusy().maxWait(), signals).orElse(null);
            if (lock == null) {
                if (signals.any()) {
                    return finish(run, new Result(Outcome.KILLED, 128 + signals.received(), 0));
                }
                console.note("lock " + config.lockDir().resolve(lockName.get()) + " is held by another run: skipping");
                return finish(run, new Result(Outcome.SKIPPED_LOCKED, 0, 0));
            }
        }
        try {
            return runLocked(run);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private int runLocked(Run run) {
        StampStore stamps = new StampStore(config.stateDir());
        if (config.idempotent() && run.period().isPresent() && !config.force() && stamps.isDone(run.period().get())) {
            console.note("period " + run.periodText() + " already done: skipping (--force runs it again)");
            return finish(run, settleClaim(new Result(Outcome.SKIPPED_DONE, 0, 0), clock.instant()));
        }
        Optional<Heartbeat> heartbeat = heartbeat(run);
        if (heartbeat.isPresent()) {
            heartbeat.get().start();
        }
        Result result = attempts(run);
        Instant end = clock.instant();
        result = settleClaim(result, end);
        if (result.outcome() == Outcome.SUCCESS && config.idempotent() && run.period().isPresent()) {
            try {
                stamps.markDone(run.period().get(), run.id(), end);
            } catch (IOException e) {
                console.note("warning: cannot write the period stamp (the period may run again): " + e.getMessage());
            }
        }
        int status = finish(run, result, end);
        if (heartbeat.isPresent()) {
            heartbeat.get().end(result.outcome() == Outcome.SUCCESS, result.exitCode(), Duration.between(run.start(), end),
                    console.tail());
        }
        return status;
    }

    private Result attempts(Run run) {
        ChildSupervisor supervisor = new ChildSupervisor(group, console, signals, config.killGrace());
        RetryPolicy retry = config.retry();
        for (int attempt = 1; ; attempt++) {
            ChildSupervisor.AttemptResult r;
            try {
                r = supervisor.run(config.command(), childEnv(run, attempt), config.timeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(Outcome.KILLED, 128 + 15, attempt);
            }
            if (r.killed()) {
                return new Result(Outcome.KILLED, 128 + signals.received(), attempt);
            }
            if (r.exitCode() == 0 && !r.timedOut()) {
                return new Result(Outcome.SUCCESS, 0, attempt);
            }
            int exit = r.exitCode() == 0 ? 128 + 15 : r.exitCode();
            Outcome outcome = r.timedOut() ? Outcome.TIMEOUT : Outcome.FAILED;
            if (!retry.retries(attempt, exit)) {
                if (retry.permanent().contains(exit) && attempt < retry.attempts()) {
                    console.note("exit status " + exit + " is permanent: not retrying");
                }
                return new Result(outcome, exit, attempt);
            }
            Duration delay = retry.delayBefore(attempt);
            console.note("attempt " + attempt + " of " + retry.attempts() + " " + outcome.id() + " (exit status " + exit
                    + "); retrying in " + delay.toMillis() + " ms");
            if (!pause(delay)) {
                return new Result(Outcome.KILLED, 128 + signals.received(), attempt);
            }
        }
    }

    /** Sleeps between attempts; false when a signal cut the pause short. */
    private boolean pause(Duration delay) {
        try {
            signals.sleep(new Pause(), delay.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !signals.any();
    }

    /** A plain sleep, which {@link Signals#sleep} cuts short when a signal comes. */
    private static final class Pause implements Signals.Wait {
        @Override
        public boolean await(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return true;
        }
    }

    private Map<String, String> childEnv(Run run, int attempt) {
        Map<String, String> e = new HashMap<>();
        e.put("JOBGEN_JOB", config.job());
        e.put("JOBGEN_RUN_ID", run.id());
        e.put("JOBGEN_PERIOD", run.periodText());
        e.put("JOBGEN_ATTEMPT", Integer.toString(attempt));
        e.put("JOBGEN_STATE_DIR", config.stateDir().toString());
        return e;
    }

    private Optional<Heartbeat> heartbeat(Run run) {
        if (config.heartbeat().isEmpty()) {
            return Optional.empty();
        }
        HeartbeatConfig hb = config.heartbeat().get();
        Optional<String> url = Heartbeat.resolveUrl(hb.url(), env, console);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Heartbeat(HeartbeatProtocol.of(hb, url.get()), new PingClient("jobgen-runner"), console,
                new HeartbeatProtocol.RunFacts(config.job(), run.id(), run.periodText(), host)));
    }

    private int finish(Run run, Result result) {
        return finish(run, result, clock.instant());
    }

    /** Appends the history line and the metrics; their failure is a warning, never the run's status. */
    private int finish(Run run, Result result, Instant end) {
        RunRecord record = new RunRecord(run.id(), config.job(), run.period(), run.start(), end, result.attempts(),
                result.outcome(), result.exitCode(), host);
        try {
            new HistoryLog(config.stateDir()).append(record);
        } catch (IOException e) {
            console.note("warning: cannot append to the history in " + config.stateDir() + ": " + e.getMessage());
        }
        if (config.metricsDir().isPresent()) {
            try {
                new MetricsWriter(config.metricsDir().get()).write(config.job(), HistoryReader.read(config.stateDir()),
                        periods.nextAfter(end));
            } catch (IOException e) {
                console.note("warning: cannot write metrics to " + config.metricsDir().get() + ": " + e.getMessage());
            }
        }
        return result.exitCode();
    }

    /** Exit status of a cluster-locked run that could not reach the store (sysexits EX_TEMPFAIL). */
    static final int UNAVAILABLE_EXIT = 75;

    /** {@code --lock cluster}: the store decides whether this node runs the slot (docs/cluster.md). */
    private int runClustered(Run run) throws IOException {
        String slot = run.period().isPresent() ? run.periodText() : "run:" + run.id();
        ClusterCoordinator.Claim claim;
        try {
            if (cluster.isEmpty()) {
                throw new ClusterCoordinator.Unavailable("no cluster coordinator", null);
            }
            claim = cluster.get().claim(slot, run.id(), run.start(), config.onBusy().maxWait(), signals);
        } catch (ClusterCoordinator.Unavailable e) {
            RunnerConfig.OnUnavailable policy = config.cluster().onUnavailable();
            console.note("cluster store unavailable: " + e.getMessage() + " (--on-unavailable " + policy + ")");
            if (policy == RunnerConfig.OnUnavailable.run) {
                return runLocked(run);
            }
            return policy == RunnerConfig.OnUnavailable.skip ? finish(run, new Result(Outcome.SKIPPED_UNAVAILABLE, 0, 0))
                    : finish(run, new Result(Outcome.UNAVAILABLE, UNAVAILABLE_EXIT, 0));
        }
        if (!claim.note().isEmpty()) {
            console.note(claim.note());
        }
        if (claim.lease().isEmpty()) {
            return signals.any() ? finish(run, new Result(Outcome.KILLED, 128 + signals.received(), 0))
                    : finish(run, new Result(Outcome.SKIPPED_PEER, 0, 0));
        }
        lease = claim.lease().get();
        try {
            return runLocked(run);
        } finally {
            lease.close();
        }
    }

    /**
     * Records the run in the cluster store, marking the slot done on success, while the lock is
     * still held. A store lost meanwhile fails a successful run only under --on-unavailable fail.
     */
    private Result settleClaim(Result result, Instant end) {
        if (lease == null) {
            return result;
        }
        try {
            lease.finish(result.outcome(), result.exitCode(), end);
            return result;
        } catch (ClusterCoordinator.Unavailable e) {
            console.note("warning: cannot record the run in the cluster store (" + e.getMessage()
                    + "): another node may run this period again");
            boolean fail = config.cluster().onUnavailable() == RunnerConfig.OnUnavailable.fail;
            return fail && result.outcome() == Outcome.SUCCESS ? new Result(Outcome.UNAVAILABLE, UNAVAILABLE_EXIT, result.attempts())
                    : result;
        }
    }
}
