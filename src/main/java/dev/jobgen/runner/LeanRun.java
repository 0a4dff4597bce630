package dev.jobgen.runner;

import dev.jobgen.diag.IoProblem;
import dev.jobgen.history.IsoInstant;
import dev.jobgen.history.Outcome;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.RunArgs;
import dev.jobgen.runspec.RunSpec;
import dev.jobgen.runspec.UsageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code jobgen run --phase start|end}: a run where systemd supervises the command and the JVM
 * is present only at its start and its end (src/docs/runner.md, "Lean runs"; the planner decides which jobs).
 *
 * <p>{@code start} is the unit's {@code ExecCondition=}: it checks the lock (the {@link LockFile}
 * hardening, a resident runner's record lock and a lean run's {@code flock}), records an orphan,
 * checks the period stamp, hands the lock over to the command's flock (leaving a lean record in
 * the lock file, which the end phase clears), and exits 0 to run the command, {@value #SKIP} to
 * skip it cleanly, or {@value #FAIL} to fail the unit (an error, or too many busy runs in a row).
 * On 0 it leaves the run's facts in {@value #ENV_FILE} in the state directory: the shell in front
 * of the command exports them as the command's {@code JOBGEN_*} variables, and the end phase
 * reads the run's id and start from it.
 *
 * <p>{@code end} is the unit's {@code ExecStopPost=}: from {@code $SERVICE_RESULT}, {@code $EXIT_CODE}
 * and {@code $EXIT_STATUS} it writes the stamp, the history line and the metrics, as the resident
 * runner would. It only records a run its own invocation's start phase let through (the file's
 * {@code JOBGEN_INVOCATION} equals {@code $INVOCATION_ID}): a skip was recorded by the start phase.
 */
final class LeanRun {
    static final String ENV_FILE = RunSpec.LEAN_FACTS_FILE;
    /**
     * Skips the run. systemd skips quietly on any {@code ExecCondition=} exit from 1 to 254, so the node
     * launcher lets only 0 and this one through and turns every other exit into {@value #FAIL}: a JVM
     * that could not start (1), a missing jar or Java (127) or a crash then fails the unit and reaches
     * {@code OnFailure=} instead of silently skipping every run (src/main/dist/jobgen).
     */
    static final int SKIP = 3;
    static final int FAIL = 255;
    /** {@code flock -E}: what the command's status is when flock finds the lock taken after the start phase checked it. */
    static final int LOCK_TAKEN_EXIT = RunSpec.LEAN_LOCK_TAKEN_EXIT;

    private final RunSpec config;
    private final Path stateDir;
    private final Map<String, String> env;
    private final Console console;
    private final Clock clock;
    private final Runner runner;

    private LeanRun(RunSpec config, PeriodSource periods, Map<String, String> env, Console console, Clock clock) {
        this.config = config;
        this.stateDir = config.stateDirIn(env);
        this.env = env;
        this.console = console;
        this.clock = clock;
        this.runner = new Runner(config, periods, clock, env, console, new Signals(), ProcessGroup.locate(), HostName.of(env));
    }

    /** Entry from {@link RunnerMain}: {@code args} are the runner flags and command, after {@code --phase PHASE}. */
    static int main(String phase, List<String> args, Map<String, String> env) {
        boolean start = phase.equals("start");
        // anything but a known end phase may be an ExecCondition=, where 1 would skip quietly
        int error = phase.equals("end") ? 1 : FAIL;
        if (!start && !phase.equals("end")) {
            System.err.println("jobgen run: --phase: '" + phase + "' is not one of start, end (jobgen run --help lists the flags)");
            return error;
        }
        Console console = Console.ofProcess(0);
        try {
            RunSpec config = RunArgs.read(args);
            // the planner's LeanUnit.eligible, seen from the runner: a group's lock file is shared with other
            // jobs' resident runners, which a flock held by the command would not keep out
            if (config.heartbeat().isPresent() || config.retry().attempts() > 1 || config.lock() instanceof LockSpec.Cluster
                    || config.lock() instanceof LockSpec.Group || !config.onBusy().maxWait().isZero()) {
                throw new UsageException("--phase is for runs without --heartbeat, --attempts, --lock cluster or group:NAME,"
                        + " or --on-busy wait (the resident runner does those)");
            }
            // the end phase takes its period from the start phase's run.env: no schedule to reckon with
            PeriodSource periods = start ? SchedulePeriods.open(config.schedules(), config.stateDirIn(env), env, Instant.now())
                    : PeriodSource.none();
            LeanRun run = new LeanRun(config, periods, env, console, Clock.systemUTC());
            return start ? run.start(periods) : run.end();
        } catch (UsageException e) {
            System.err.println("jobgen run: " + e.getMessage() + " (jobgen run --help lists the flags)");
            return error;
        } catch (IOException e) {
            console.note("error: " + IoProblem.describe(e));
            return error;
        } catch (RuntimeException | Error e) {
            console.note("internal error: " + e);
            return error;
        }
    }

    private int start(PeriodSource periods) throws IOException {
        Instant now = clock.instant();
        Runner.Run run = new Runner.Run(RunId.random(), now, periods.periodAt(now));
        Path envFile = stateDir.resolve(ENV_FILE);
        // a file left by an earlier run must not reach this run's command or end phase
        Files.deleteIfExists(envFile);
        Optional<String> lockName = LockSpec.fileName(config.lock(), config.job());
        LockFile lock = null;
        if (lockName.isPresent()) {
            Path file = config.lockDir().resolve(lockName.get());
            LockFile.Acquired acquired = LockFile.acquire(config.lockDir(), lockName.get(), Duration.ZERO, new Signals());
            if (acquired.lock().isEmpty()) {
                return runner.busy(run, file, acquired.holder()) == 0 ? SKIP : FAIL;
            }
            lock = acquired.lock().get();
        }
        try {
            LockRecord mine = LockRecord.of(config.job(), run.id(), run.periodText(), stateDir, run.start());
            if (lock != null) {
                runner.recordOrphan(lock);
                // replaces an orphan's record, and is cleared if this run skips
                lock.claim(mine);
            }
            if (config.idempotent() && run.period().isPresent() && !config.force()
                    && new StampStore(stateDir).isDone(run.period().get())) {
                console.note("period " + run.periodText() + " already done: skipping (--force runs it again)");
                runner.finish(run, new Runner.Result(Outcome.SKIPPED_DONE, 0, 0), clock.instant());
                return SKIP;
            }
            writeFacts(run, envFile);
            try {
                if (lock != null) {
                    lock.handOver(mine.asLean());
                    lock = null;
                }
            } catch (IOException | RuntimeException e) {
                // the command will not run: an end phase must not find facts and record a run that never was
                Files.deleteIfExists(envFile);
                throw e;
            }
            return 0;
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private void writeFacts(Runner.Run run, Path envFile) throws IOException {
        StringBuilder facts = new StringBuilder();
        variable(facts, "JOBGEN_JOB", config.job());
        variable(facts, "JOBGEN_RUN_ID", run.id());
        variable(facts, "JOBGEN_PERIOD", run.periodText());
        variable(facts, "JOBGEN_ATTEMPT", "1");
        variable(facts, "JOBGEN_STATE_DIR", stateDir.toString());
        variable(facts, "JOBGEN_RUN_START", Long.toString(run.start().toEpochMilli()));
        variable(facts, "JOBGEN_INVOCATION", env.getOrDefault("INVOCATION_ID", ""));
        AtomicFile.write(envFile, facts.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One {@code NAME=value} line. The unit's shell reads the file with {@code .}, so values are
     * limited to characters no shell gives a meaning: nothing in them can run or assign anything.
     */
    private static void variable(StringBuilder out, String name, String value) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/._:+-".indexOf(c) >= 0;
            if (!plain) {
                throw new IOException(name + " '" + value + "' has a character a lean run cannot pass to its command");
            }
        }
        out.append(name).append('=').append(value).append('\n');
    }

    private int end() throws IOException {
        String invocation = env.getOrDefault("INVOCATION_ID", "");
        Map<String, String> facts = facts(stateDir.resolve(ENV_FILE));
        if (invocation.isEmpty() || !invocation.equals(facts.get("JOBGEN_INVOCATION"))) {
            // the start phase skipped (and recorded it) or failed (and said why): the command never ran
            return 0;
        }
        Instant end = clock.instant();
        Runner.Run run;
        try {
            String period = facts.getOrDefault("JOBGEN_PERIOD", "");
            run = new Runner.Run(facts.get("JOBGEN_RUN_ID"), Instant.ofEpochMilli(Long.parseLong(facts.get("JOBGEN_RUN_START"))),
                    period.isEmpty() ? Optional.empty() : Optional.of(IsoInstant.parse(period)));
        } catch (RuntimeException e) {
            throw new IOException(ENV_FILE + " in " + stateDir + " is damaged (" + e.getMessage() + "): this run is not recorded");
        }
        Runner.Result result = result(env.get("SERVICE_RESULT"), env.get("EXIT_CODE"), env.get("EXIT_STATUS"));
        if (result.outcome() == Outcome.SUCCESS && config.idempotent() && run.period().isPresent()) {
            try {
                new StampStore(stateDir).markDone(run.period().get(), run.id(), end);
            } catch (IOException e) {
                console.note("warning: cannot write the period stamp (the period may run again): " + e.getMessage());
            }
        }
        runner.finish(run, result, end);
        Optional<String> lockName = LockSpec.fileName(config.lock(), config.job());
        if (lockName.isPresent()) {
            LockFile.clearLean(config.lockDir(), lockName.get(), run.id());
        }
        Files.deleteIfExists(stateDir.resolve(ENV_FILE));
        return 0;
    }

    /** The start phase's {@code NAME=value} lines, read without following a link; empty when there is no file. */
    private static Map<String, String> facts(Path file) throws IOException {
        Map<String, String> facts = new HashMap<>();
        byte[] bytes;
        try (SeekableByteChannel in = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buf = ByteBuffer.allocate(4096);
            while (buf.hasRemaining() && in.read(buf) > 0) {
                // up to 4 KiB: the start phase writes a few hundred bytes
            }
            bytes = Arrays.copyOf(buf.array(), buf.position());
        } catch (NoSuchFileException e) {
            return facts;
        }
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                facts.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return facts;
    }

    /**
     * The outcome as the resident runner would record it. Nothing tells the end phase that the run
     * was stopped: a command that ended on SIGTERM, SIGINT or SIGHUP, or exited with 128 + one of
     * them (a shell that trapped it), counts as stopped ("killed", like the resident runner on a
     * signal); any other signal is the command's own failure, with 128 + the signal as its status.
     */
    Runner.Result result(String serviceResult, String exitCode, String exitStatus) {
        boolean timeout = "timeout".equals(serviceResult);
        if (exitCode == null || exitStatus == null) {
            // systemd gives no status when the command never started (a timeout during the start phase)
            return timeout ? new Runner.Result(Outcome.TIMEOUT, 128 + 15, 1) : new Runner.Result(Outcome.FAILED, 1, 1);
        }
        int status = exitCode.equals("exited") ? parseStatus(exitStatus) : 128 + SystemdSignals.number(exitStatus);
        if (timeout) {
            return new Runner.Result(Outcome.TIMEOUT, status == 0 ? 128 + 15 : status, 1);
        }
        if (status == 0) {
            return new Runner.Result(Outcome.SUCCESS, 0, 1);
        }
        if (status == 128 + 1 || status == 128 + 2 || status == 128 + 15) {
            return new Runner.Result(Outcome.KILLED, status, 1);
        }
        if (status == LOCK_TAKEN_EXIT && LockSpec.fileName(config.lock(), config.job()).isPresent()) {
            console.note("exit status " + status + ": the command's own, or flock found the lock taken after the start phase"
                    + " found it free (another run of this job started in between)");
        }
        return new Runner.Result(Outcome.FAILED, status, 1);
    }

    private static int parseStatus(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
