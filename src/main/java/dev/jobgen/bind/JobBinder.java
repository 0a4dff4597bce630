package dev.jobgen.bind;

import dev.jobgen.diag.DiagnosticCode;
import dev.jobgen.diag.Diagnostics;
import dev.jobgen.diag.SourcePosition;
import dev.jobgen.load.YNode;
import dev.jobgen.model.Alerts;
import dev.jobgen.model.Command;
import dev.jobgen.model.Execution;
import dev.jobgen.model.Job;
import dev.jobgen.model.Names;
import dev.jobgen.model.RunnerOptions;
import dev.jobgen.model.Schedule;
import dev.jobgen.model.SystemdVersion;
import dev.jobgen.model.Timer;
import dev.jobgen.time.TimeSpan;
import dev.jobgen.unitfile.SystemdEscaper;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One job: identity, command and the plain settings; schedules, runner options and the
 * execution environment have binders of their own. Defaults of the catalogue format live here.
 */
final class JobBinder {
    static final Set<String> KEYS = CatalogueKeys.JOB.names();

    /**
     * What every job of a catalogue binds against: the unit prefix, the target, the instant
     * schedules must elapse after, the keys {@code defaults:} misspelt (their absence in a job is
     * that typo, already reported) and the warnings the catalogue silences for all jobs.
     */
    record Shared(String prefix, SystemdVersion target, Instant now, Set<String> misspeltInDefaults,
            Set<DiagnosticCode> silencedEverywhere) {}

    private final String name;
    private final SourcePosition at;
    private final String prefix;
    private final SystemdVersion target;
    private final Diagnostics diagnostics;
    private final Instant now;
    private final Shared shared;
    private Set<DiagnosticCode> silenced;

    JobBinder(String name, SourcePosition at, Shared shared, Diagnostics diagnostics) {
        this.now = shared.now();
        this.name = name;
        this.at = at;
        this.prefix = shared.prefix();
        this.target = shared.target();
        this.shared = shared;
        this.silenced = shared.silencedEverywhere();
        this.diagnostics = diagnostics;
    }

    /** The warnings this job silences, its own and the catalogue's; known once {@link #bind} ran. */
    Set<DiagnosticCode> silenced() {
        return silenced;
    }

    Optional<Job> bind(YNode.Mapping map) {
        Diagnostics local = new Diagnostics();
        Names.jobNameProblem(name, prefix).ifPresent(p -> local.error(DiagnosticCode.INVALID_JOB_NAME, at, name, p));
        Fields f = Fields.of(map, "job '" + name + "'", KEYS, local).alsoMisspelt(shared.misspeltInDefaults());
        Set<DiagnosticCode> own = EnumSet.noneOf(DiagnosticCode.class);
        own.addAll(shared.silencedEverywhere());
        own.addAll(IgnoredWarnings.read(f));
        silenced = Set.copyOf(own);
        Optional<String> description = f.scalar("description").filter(s -> representable(s, "description", local)).map(YNode.Scalar::text);
        Optional<Command> command = command(f);
        Optional<String> timezone = ScheduleBinder.timezone(f);
        Optional<Schedule> schedule = new ScheduleBinder(name, f, timezone, now).bind();
        Optional<TimeSpan> jitter = f.span("jitter");
        if (jitter.filter(TimeSpan::isInfinite).isPresent()) {
            local.error(DiagnosticCode.INVALID_VALUE, f.valueAt("jitter"), "jitter", "must be finite (write a span such as '5min')");
        }
        TimeSpan accuracy = f.span("accuracy").orElse(Timer.DEFAULT_ACCURACY);
        boolean catchUp = f.bool("catch-up").orElse(true);
        TimeSpan timeout = f.span("timeout").orElse(RunnerOptions.DEFAULT_TIMEOUT);
        if (timeout.usec() == 0) {
            local.error(DiagnosticCode.INVALID_VALUE, f.valueAt("timeout"), "timeout", "must be longer than 0 (use 'infinity' for no limit)");
        }
        // every field is read before any error is acted on, so one run reports all of them
        RunnerOptionsBinder r = new RunnerOptionsBinder(f);
        var retry = r.retry();
        var permanent = r.permanentExitCodes();
        var lock = r.lock();
        var onBusy = r.onBusy();
        var clusterUrlFile = r.clusterUrlFile();
        var onUnavailable = r.onUnavailable();
        var idempotent = r.idempotent();
        var heartbeat = r.heartbeat();
        var onFailure = r.onFailure();
        var alertAfter = r.alertAfter();
        ExecutionBinder x = new ExecutionBinder(f, target.number());
        var user = x.user();
        var group = x.group();
        var workingDirectory = x.workingDirectory();
        var environment = x.environment();
        var environmentFiles = x.environmentFiles();
        var resources = x.resources();
        var sandbox = x.sandbox();
        var metricsDir = x.metricsDir();
        boolean enabled = f.bool("enabled").orElse(true);
        Job job = null;
        if (!local.hasErrors() && command.isPresent() && schedule.isPresent()) {
            job = new Job(name, at, description, command.get(),
                    new Timer(schedule.get(), timezone, jitter, accuracy, catchUp, enabled),
                    new RunnerOptions(timeout, retry, permanent, lock, onBusy, clusterUrlFile, onUnavailable, idempotent, metricsDir),
                    new Alerts(heartbeat, onFailure, alertAfter),
                    new Execution(user, group, workingDirectory, environment, environmentFiles, resources, sandbox),
                    f.keyPositions());
            new JobChecks(job, f, target, local).check();
        }
        diagnostics.addAllExcept(local, silenced);
        return local.hasErrors() ? Optional.empty() : Optional.ofNullable(job);
    }

    private Optional<Command> command(Fields f) {
        boolean hasCommand = f.has("command");
        boolean hasScript = f.has("script");
        if (hasCommand && hasScript) {
            f.diagnostics().errorWithHint(DiagnosticCode.INVALID_COMMAND, f.keyAt("script"),
                    "keep either 'command' (an argv) or 'script' (run with /bin/sh -e)", "a job has either 'command' or 'script', not both");
            return Optional.empty();
        }
        if (hasScript) {
            return f.scalar("script").filter(s -> representable(s, "script", f.diagnostics())).map(s -> new Command.Script(s.text()));
        }
        if (!hasCommand) {
            if (f.misspelt("command") || f.misspelt("script")) {
                return Optional.empty();
            }
            f.diagnostics().errorWithHint(DiagnosticCode.MISSING_KEY, at, "give 'command: [/path/to/program, args...]' or 'script: |'",
                    "command", " in job '" + name + "'");
            return Optional.empty();
        }
        return argv(f, "command").map(Command.Argv::new);
    }

    /** An argv from a list, or from a string split with POSIX quoting; the program must be an absolute path. */
    static Optional<List<String>> argv(Fields f, String key) {
        YNode node = f.node(key).orElseThrow();
        List<String> args = new ArrayList<>();
        SourcePosition first = node.at();
        if (node instanceof YNode.Scalar s) {
            try {
                args.addAll(ShellWords.split(s.text()));
            } catch (ShellWords.SplitException e) {
                f.diagnostics().errorWithHint(DiagnosticCode.INVALID_COMMAND, s.charAt(e.index),
                        "write the command as a list, or use 'script:' for shell syntax", e.getMessage());
                return Optional.empty();
            }
        } else {
            Optional<List<YNode.Scalar>> items = f.scalars(key, false);
            if (items.isEmpty()) {
                return Optional.empty();
            }
            for (YNode.Scalar item : items.get()) {
                if (!representable(item, key, f.diagnostics())) {
                    return Optional.empty();
                }
                args.add(item.text());
            }
            if (!items.get().isEmpty()) {
                first = items.get().get(0).at();
            }
        }
        if (args.isEmpty()) {
            f.diagnostics().error(DiagnosticCode.INVALID_COMMAND, node.at(), "the command is empty");
            return Optional.empty();
        }
        Optional<String> programProblem = SystemdEscaper.programProblem(args.get(0));
        if (programProblem.isPresent()) {
            String hint = args.get(0).startsWith("/") ? null : programHint(args.get(0), absoluteWorkingDirectory(f));
            f.diagnostics().errorWithHint(DiagnosticCode.INVALID_COMMAND, first, hint, programProblem.get());
            return Optional.empty();
        }
        for (String arg : args) {
            Optional<String> problem = SystemdEscaper.problem(arg);
            if (problem.isPresent()) {
                f.diagnostics().error(DiagnosticCode.UNREPRESENTABLE_VALUE, node.at(), key, problem.get());
                return Optional.empty();
            }
        }
        return Optional.of(args);
    }

    /**
     * What to write instead of the relative {@code program}. A bare name is looked up on PATH by a
     * shell, so the hint says where to find it; a path with a slash is relative to some directory the
     * author had in mind, which only {@code working-directory} can tell (systemd itself resolves no
     * relative program, not even against WorkingDirectory=).
     */
    static String programHint(String program, Optional<String> workingDirectory) {
        if (program.indexOf('/') < 0) {
            return program.matches("[A-Za-z0-9_.+-]+")
                    ? "write the program's full path, e.g. /usr/bin/" + program + " ('command -v " + program + "' shows where it is)"
                    : "write the program's full path, starting with /";
        }
        if (workingDirectory.isPresent()) {
            String full = resolve(workingDirectory.get(), program);
            return "write the program's full path: relative to working-directory that is " + full
                    + " (systemd resolves no relative program)";
        }
        return "write the program's full path from /, e.g. /path/to/" + program.replaceFirst("^(\\./)+", "")
                + " (systemd resolves no relative program, not even against working-directory)";
    }

    /** {@code relative} from the absolute {@code dir}, {@code .} and {@code ..} folded lexically (a hint, not a lookup on the node). */
    static String resolve(String dir, String relative) {
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (String part : (dir + "/" + relative).split("/")) {
            if (part.equals("..")) {
                parts.pollLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The job's {@code working-directory} when it is an absolute path; its own binder reports anything else. */
    private static Optional<String> absoluteWorkingDirectory(Fields f) {
        return f.node("working-directory").filter(n -> n instanceof YNode.Scalar).map(n -> ((YNode.Scalar) n).text())
                .filter(d -> d.startsWith("/"));
    }

    static boolean representable(YNode.Scalar s, String key, Diagnostics diagnostics) {
        Optional<String> problem = SystemdEscaper.problem(s.text());
        problem.ifPresent(p -> diagnostics.error(DiagnosticCode.UNREPRESENTABLE_VALUE, s.at(), key, p));
        return problem.isEmpty();
    }
}
