package dev.jobgen.runner;

import dev.jobgen.history.HistoryLog;
import dev.jobgen.history.HistoryReader;
import dev.jobgen.history.IsoInstant;
import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import dev.jobgen.ping.PingClient;
import dev.jobgen.runspec.HeartbeatSpec;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.OnUnavailable;
import dev.jobgen.runspec.RetryPolicy;
import dev.jobgen.runspec.RunSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run of a job, in the order of src/docs/runner.md: lock, period stamp check, heartbeat start,
 * attempts with retries, stamp, history, metrics, heartbeat end. Returns the runner's exit status:
 * 0 on success or skip, else the child's final status (128+signal when killed). The hot path has
 * no lambdas or streams: see {@link CalendarPeriods}.
 */
public final class Runner {
    private final RunSpec config;
    private final Path stateDir;
    private final PeriodSource periods;
    private final Clock clock;
    private final Map<String, String> env;
    private final Console console;
    private final Signals signals;
    private final ProcessGroup group;
    private final String host;
    private final Optional<ClusterCoordinator> cluster;
    private ClusterCoordinator.Lease lease;

    Runner(RunSpec config, PeriodSource periods, Clock clock, Map<String, String> env, Console console,
            Signals signals, ProcessGroup group, String host) {
        this(config, periods, clock, env, console, signals, group, host, Optional.empty());
    }

    Runner(RunSpec config, PeriodSource periods, Clock clock, Map<String, String> env, Console console,
            Signals signals, ProcessGroup group, String host, Optional<ClusterCoordinator> cluster) {
        this.config = Objects.requireNonNull(config);
        this.periods = Objects.requireNonNull(periods);
        this.clock = Objects.requireNonNull(clock);
        this.env = Map.copyOf(env);
        this.stateDir = config.stateDirIn(env);
        this.console = Objects.requireNonNull(console);
        this.signals = Objects.requireNonNull(signals);
        this.group = Objects.requireNonNull(group);
        this.host = Objects.requireNonNull(host);
        this.cluster = Objects.requireNonNull(cluster);
    }

    /** The facts fixed for the whole run, shared by every attempt (and by both phases of a lean run). */
    record Run(String id, Instant start, Optional<Instant> period) {
        String periodText() {
            return period.isPresent() ? IsoInstant.format(period.get()) : "";
        }
    }

    record Result(Outcome outcome, int exitCode, int attempts) {}

    public int run() throws IOException {
        Instant start = clock.instant();
        Run run = new Run(RunId.random(), start, periods.periodAt(start));
        if (config.lock() instanceof LockSpec.Cluster) {
            return runClustered(run);
        }
        Optional<String> lockName = LockSpec.fileName(config.lock(), config.job());
        LockFile lock = null;
        if (lockName.isPresent()) {
            LockFile.Acquired acquired = LockFile.acquire(config.lockDir(), lockName.get(), config.onBusy().maxWait(), signals);
            if (acquired.lock().isEmpty()) {
                if (signals.any()) {
                    return finish(run, new Result(Outcome.KILLED, 128 + signals.received(), 0));
                }
                return busy(run, config.lockDir().resolve(lockName.get()), acquired.holder());
            }
            lock = acquired.lock().get();
            recordOrphan(lock);
            lock.claim(LockRecord.of(config.job(), run.id(), run.periodText(), stateDir, run.start()));
        }
        try {
            return runLocked(run, lock);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /**
     * The lock stayed busy. A skip is the job working as designed, unless the holder has had the
     * lock for longer than this job's own bound ({@code blocked}), and the Nth busy run in a row
     * fails (exit 75) so that a lock someone keeps holding reaches {@code OnFailure=}.
     */
    int busy(Run run, Path file, Optional<LockRecord> holder) {
        Instant now = clock.instant();
        String who = "another run";
        boolean overdue = false;
        if (holder.isPresent()) {
            LockRecord h = holder.get();
            Duration held = Duration.between(h.since(), now);
            who = "run " + h.runId() + " of job " + h.job() + " (since " + IsoInstant.format(h.since()) + ")";
            Optional<Duration> bound = bound();
            overdue = bound.isPresent() && held.compareTo(bound.get()) > 0;
        }
        Outcome outcome = overdue ? Outcome.BLOCKED : Outcome.SKIPPED_LOCKED;
        int limit = config.maxBusySkips();
        int inARow = 1 + busyRunsInARow();
        boolean fail = limit > 0 && inARow >= limit;
        console.note("lock " + file + " is held by " + who + (overdue ? ", longer than this job may take (" + bound().get().toSeconds()
                + " s): blocked" : ": skipping") + (fail ? "; " + inARow + " busy runs in a row: failing so OnFailure= reports it" : ""));
        return finish(run, new Result(outcome, fail ? UNAVAILABLE_EXIT : 0, 0), now);
    }

    /** How long a run of this job may take (every attempt's timeout plus the pauses), when it has a timeout. */
    private Optional<Duration> bound() {
        if (config.timeLimit().isEmpty()) {
            return Optional.empty();
        }
        RetryPolicy retry = config.retry();
        Duration total = Duration.ZERO;
        try {
            for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
                total = total.plus(config.timeLimit().get());
                if (attempt < retry.attempts()) {
                    total = total.plus(retry.delayBefore(attempt));
                }
            }
            return Optional.of(total.plus(config.killGraceTime()));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private int busyRunsInARow() {
        int n = 0;
        try {
            List<RunRecord> history = HistoryReader.read(stateDir);
            for (int i = history.size() - 1; i >= 0; i--) {
                Outcome o = history.get(i).outcome();
                if (o != Outcome.SKIPPED_LOCKED && o != Outcome.BLOCKED) {
                    break;
                }
                n++;
            }
        } catch (IOException e) {
            console.note("warning: cannot read the history in " + stateDir + ": " + e.getMessage());
        }
        return n;
    }

    /** A runner killed outright left its record in the lock file; its command has ended since: say so in its history. */
    void recordOrphan(LockFile lock) {
        // a lean run's record: its end phase records the run (systemd runs it however the command ends)
        if (lock.stale().isEmpty() || lock.stale().get().lean()) {
            return;
        }
        LockRecord o = lock.stale().get();
        console.note("the runner of run " + o.runId() + " (job " + o.job() + ", since " + IsoInstant.format(o.since())
                + ") died while its command ran; recording it as orphaned");
        Optional<Instant> period = Optional.empty();
        try {
            period = o.period().isEmpty() ? Optional.empty() : Optional.of(Instant.parse(o.period()));
        } catch (RuntimeException e) {
            // a period that does not parse is left out of the record
        }
        try {
            new HistoryLog(o.stateDir()).append(new RunRecord(o.runId(), o.job(), period, o.since(), clock.instant(), 1,
                    Outcome.ORPHANED, 128 + 9, host));
        } catch (IOException e) {
            console.note("warning: cannot append to the history in " + o.stateDir() + ": " + e.getMessage());
        }
    }

    private int runLocked(Run run, LockFile lock) {
        StampStore stamps = new StampStore(stateDir);
        if (config.idempotent() && run.period().isPresent() && !config.force() && stamps.isDone(run.period().get())) {
            console.note("period " + run.periodText() + " already done: skipping (--force runs it again)");
            return finish(run, settleClaim(new Result(Outcome.SKIPPED_DONE, 0, 0), clock.instant()));
        }
        Optional<Heartbeat> heartbeat = heartbeat(run);
        if (heartbeat.isPresent()) {
            heartbeat.get().start();
        }
        Result result = attempts(run, lock);
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

    private Result attempts(Run run, LockFile lock) {
        ChildSupervisor supervisor = new ChildSupervisor(group, console, signals, config.killGraceTime(), new ChildSupervisor.Started() {
            @Override
            public void started(ProcessHandle command) {
                if (lock != null) {
                    lock.commandStarted(command);
                }
            }
        });
        RetryPolicy retry = config.retry();
        for (int attempt = 1; ; attempt++) {
            ChildSupervisor.AttemptResult r;
            try {
                r = supervisor.run(config.command(), childEnv(run, attempt), config.timeLimit());
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
            if (!config.retries(attempt, exit)) {
                if (config.permanentExitCodes().contains(exit) && attempt < retry.attempts()) {
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
        e.put("JOBGEN_STATE_DIR", stateDir.toString());
        return e;
    }

    private Optional<Heartbeat> heartbeat(Run run) {
        if (config.heartbeat().isEmpty()) {
            return Optional.empty();
        }
        HeartbeatSpec hb = config.heartbeat().get();
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
    int finish(Run run, Result result, Instant end) {
        RunRecord record = new RunRecord(run.id(), config.job(), run.period(), run.start(), end, result.attempts(),
                result.outcome(), result.exitCode(), host);
        try {
            new HistoryLog(stateDir).append(record);
        } catch (IOException e) {
            console.note("warning: cannot append to the history in " + stateDir + ": " + e.getMessage());
        }
        if (config.metricsDir().isPresent()) {
            try {
                new MetricsWriter(config.metricsDir().get()).write(config.job(), HistoryReader.read(stateDir),
                        periods.nextAfter(end));
            } catch (IOException e) {
                console.note("warning: cannot write metrics to " + config.metricsDir().get() + ": " + e.getMessage());
            }
        }
        return result.exitCode();
    }

    /** Exit status of a cluster-locked run that could not reach the store (sysexits EX_TEMPFAIL). */
    static final int UNAVAILABLE_EXIT = 75;

    /** {@code --lock cluster}: the store decides whether this node runs the slot (src/docs/cluster.md). */
    private int runClustered(Run run) throws IOException {
        String slot = run.period().isPresent() ? run.periodText() : "run:" + run.id();
        ClusterCoordinator.Claim claim;
        try {
            if (cluster.isEmpty()) {
                throw new ClusterCoordinator.Unavailable("no cluster coordinator", null);
            }
            claim = cluster.get().claim(slot, run.id(), run.start(), config.onBusy().maxWait(), signals);
        } catch (ClusterCoordinator.Unavailable e) {
            OnUnavailable policy = config.cluster().onUnavailable();
            console.note("cluster store unavailable: " + e.getMessage() + " (--on-unavailable " + policy.id() + ")");
            if (policy == OnUnavailable.RUN) {
                return runLocked(run, null);
            }
            return policy == OnUnavailable.SKIP ? finish(run, new Result(Outcome.SKIPPED_UNAVAILABLE, 0, 0))
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
            return runLocked(run, null);
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
            boolean fail = config.cluster().onUnavailable() == OnUnavailable.FAIL;
            return fail && result.outcome() == Outcome.SUCCESS ? new Result(Outcome.UNAVAILABLE, UNAVAILABLE_EXIT, result.attempts())
                    : result;
        }
    }
}
