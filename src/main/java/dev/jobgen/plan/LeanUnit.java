package dev.jobgen.plan;

import dev.jobgen.model.Job;
import dev.jobgen.model.Sandbox;
import dev.jobgen.model.SystemdVersion;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.RunSpec;
import dev.jobgen.time.TimeSpan;
import dev.jobgen.unitfile.SystemdEscaper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lean run: systemd supervises the command and the JVM runs only at its start and end
 * (src/docs/runner.md, "Lean runs"), so a running job costs what its command costs.
 *
 * <pre>
 * ExecCondition=jobgen run --phase start ...   lock checks, orphan, period stamp: 0 runs, 3 skips cleanly, 255 fails
 * ExecStart=flock -n -F -E 75 LOCK sh -c 'set -a; . "$0" &amp;&amp; exec "$@"' STATE/run.env COMMAND...
 * ExecStopPost=jobgen run --phase end ...      stamp, history, metrics from $SERVICE_RESULT, $EXIT_CODE, $EXIT_STATUS
 * </pre>
 *
 * <p>flock takes the lock and becomes a shell that reads the run's {@code JOBGEN_*} variables,
 * written by the start phase, and becomes the command: no process stays behind, and the lock is
 * held for as long as the command or anything it started keeps the descriptor. The shell reads
 * the file as the job's user; an {@code EnvironmentFile=} would be read by systemd as root, and a
 * job user who owns the state directory could point it at a file only root may read.
 *
 * <p>Eligibility is narrow on purpose; every other job keeps the resident runner:
 * <ul>
 * <li>no heartbeat: its pings and log tail need a process during the run;
 * <li>one attempt: retries would move to systemd's {@code Restart=}, whose semantics differ;
 * <li>no lock, or the job's own node lock: a group lock file is shared with other jobs' resident
 *     runners, and a cluster lock is held through a database session;
 * <li>on busy, skip: a wait would count against the unit's start timeout;
 * <li>a target systemd with {@code ExecCondition=} (243);
 * <li>no strict sandbox: its {@code ProcSubset=pid} hides {@code /proc/locks}, where the start phase
 *     sees whether a lean run's flock still holds the lock.
 * </ul>
 */
final class LeanUnit {
    static final String FLOCK = "/usr/bin/flock";
    /** Time the start phase may take before the command's own timeout begins to count. */
    static final long START_PHASE_MARGIN_MICROS = 10_000_000L;

    private LeanUnit() {}

    static boolean eligible(Job job, SystemdVersion target) {
        return job.usesRunner()
                && target.atLeast(DirectiveGates.introduced("ExecCondition"))
                && job.alerts().heartbeat().isEmpty()
                && !job.runner().retry().retries()
                && (job.runner().lock() instanceof LockSpec.None || job.runner().lock() instanceof LockSpec.Node)
                && job.runner().onBusy().waitUpTo().isEmpty()
                // a strict sandbox's ProcSubset=pid hides /proc/locks, where the start phase sees a lean run's flock
                && job.execution().sandbox().level() != Sandbox.Level.STRICT;
    }

    /** The start phase, the command under flock, and the end phase. */
    static void exec(SectionBuilder service, String runnerPath, Job job, SystemdVersion target) {
        service.add("ExecCondition", SystemdEscaper.commandLine(phase(runnerPath, job, target, "start")));
        List<String> command = new ArrayList<>();
        // the very file the start phase checked: the lock directory and name the runner is told
        RunSpec spec = RunnerFlags.spec(job, target);
        Optional<String> lockFile = LockSpec.fileName(spec.lock(), spec.job());
        if (lockFile.isPresent()) {
            command.addAll(List.of(FLOCK, "-n", "-F", "-E", Integer.toString(RunSpec.LEAN_LOCK_TAKEN_EXIT),
                    spec.lockDir().resolve(lockFile.get()).toString()));
        }
        command.addAll(List.of("/bin/sh", "-c", "set -a; . \"$0\" && exec \"$@\"",
                "/var/lib/" + UnitNames.stateDirectory(job.name()) + "/" + RunSpec.LEAN_FACTS_FILE));
        command.addAll(job.command().argv());
        service.add("ExecStart", SystemdEscaper.commandLine(command));
        service.add("ExecStopPost", SystemdEscaper.commandLine(phase(runnerPath, job, target, "end")));
    }

    private static List<String> phase(String runnerPath, Job job, SystemdVersion target, String phase) {
        List<String> argv = new ArrayList<>(RunnerFlags.argv(runnerPath, job, target));
        argv.addAll(2, List.of("--phase", phase));
        return argv;
    }

    /**
     * Makes the root-owned lock directory when missing, before the start phase (an ExecStartPre=
     * would come after it). A failure must fail the unit: an ExecCondition= that exits 1 to 254 skips.
     */
    static String lockDirectoryCondition() {
        return "+" + SystemdEscaper.commandLine(List.of("/bin/sh", "-c",
                "[ -e \"$0\" ] || [ -h \"$0\" ] || mkdir -m 0755 \"$0\" || exit 255", ServicePlanner.LOCK_DIR));
    }

    /** systemd's start timeout bounds the whole oneshot run: the command's timeout plus the start phase. */
    static String startTimeout(Job job) {
        if (job.runner().timeout().isInfinite()) {
            return "infinity";
        }
        try {
            return new TimeSpan(Math.addExact(job.runner().timeout().saturatedMicros(), START_PHASE_MARGIN_MICROS)).normalized();
        } catch (ArithmeticException e) {
            return "infinity";
        }
    }
}
