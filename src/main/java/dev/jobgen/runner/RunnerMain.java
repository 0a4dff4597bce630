package dev.jobgen.runner;

import dev.jobgen.diag.IoProblem;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.RunArgs;
import dev.jobgen.runspec.RunFlag;
import dev.jobgen.runspec.RunSpec;
import dev.jobgen.runspec.UsageException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code jobgen run [flags] -- COMMAND...}: the wrapper runner that units call. Reached from
 * {@code Main} before any CLI class loads; it loads no picocli, YAML or template classes.
 */
public final class RunnerMain {
    private RunnerMain() {}

    /** Runs the runner with the full argument vector (starting with "run"); returns the exit status. */
    public static int run(String[] args) {
        if (args.length >= 3 && args[1].equals("--phase")) {
            // a lean run's start or end: no command to start, so no warm-up of the process machinery
            return LeanRun.main(args[2], Arrays.asList(args).subList(3, args.length), System.getenv());
        }
        // first, so that the JDK's set-up for the child (and the ping) overlaps everything before them
        Warmup.start("runner-warmup", Warmup.stepsFor(args));
        Map<String, String> env = System.getenv();
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        if (rest.size() == 1 && (rest.get(0).equals("--help") || rest.get(0).equals("-h"))) {
            return usage();
        }
        RunSpec config;
        PeriodSource periods;
        try {
            config = RunArgs.read(rest);
            periods = SchedulePeriods.open(config.schedules(), config.stateDirIn(env), env, Instant.now());
        } catch (UsageException e) {
            System.err.println("jobgen run: " + e.getMessage() + " (jobgen run --help lists the flags)");
            return 2;
        } catch (RuntimeException e) {
            System.err.println("jobgen run: internal error: " + e);
            return 1;
        }
        // the tail only feeds the heartbeat's failure ping: without one the child writes to the journal itself
        Console console = Console.ofProcess(config.heartbeat().isPresent() ? config.logTail() : 0);
        Signals signals = new Signals();
        signals.install();
        ProcessGroup group = ProcessGroup.locate();
        if (!group.isolated()) {
            console.note("warning: setsid not found: the command shares the runner's process group");
        }
        try {
            String host = HostName.of(env);
            // the cluster classes (and JDBC) load only here, never on a plain run
            Optional<ClusterCoordinator> cluster = config.lock() instanceof LockSpec.Cluster
                    ? Optional.of(dev.jobgen.runner.cluster.PgCoordinator.create(config, env, host)) : Optional.empty();
            return new Runner(config, periods, Clock.systemUTC(), env, console, signals, group, host, cluster).run();
        } catch (IOException e) {
            console.note("error: " + IoProblem.describe(e));
            return 1;
        } catch (RuntimeException e) {
            console.note("internal error: " + e);
            return 1;
        }
    }

    private static int usage() {
        System.out.print(RunFlag.usage());
        System.out.flush();
        return 0;
    }
}
