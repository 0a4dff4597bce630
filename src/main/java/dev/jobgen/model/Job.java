package dev.jobgen.model;

import dev.jobgen.diag.SourcePosition;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.RetryPolicy;
import dev.jobgen.time.TimeSpan;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One job of a catalogue, every default applied (bind/ is the only place defaults live), its
 * settings grouped as the catalogue reference groups its keys: when it runs ({@link Timer}), how
 * each run is attempted ({@link RunnerOptions}), who hears about it ({@link Alerts}) and where and as
 * whom the command runs ({@link Execution}).
 * {@code at} is where the job's name was written, for diagnostics about the whole job;
 * {@code keyPositions} where each key was written, for diagnostics about one setting.
 */
public record Job(
        String name,
        SourcePosition at,
        Optional<String> description,
        Command command,
        Timer timer,
        RunnerOptions runner,
        Alerts alerts,
        Execution execution,
        Map<String, SourcePosition> keyPositions) {

    public Job {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(execution, "execution");
        keyPositions = Map.copyOf(keyPositions);
    }

    /** Where {@code key} was written for this job (perhaps in the defaults), else where the job was. */
    public SourcePosition at(String key) {
        return keyPositions.getOrDefault(key, at);
    }

    /** Whether the runner wraps the command (any runner feature in use). */
    public boolean usesRunner() {
        return runner.needRunner() || alerts.heartbeat().isPresent() || alerts.onFailure().isPresent();
    }

    public static Builder builder(String name, Command command, Schedule schedule) {
        return new Builder(name, command, schedule);
    }

    /** For tests and tools that build jobs without a catalogue; starts from the catalogue defaults. */
    public static final class Builder {
        private final String name;
        private final Command command;
        private final Schedule schedule;
        private SourcePosition at = SourcePosition.of("<builder>");
        private Optional<String> description = Optional.empty();
        private Optional<String> timezone = Optional.empty();
        private Optional<TimeSpan> jitter = Optional.empty();
        private TimeSpan timeout = RunnerOptions.DEFAULT_TIMEOUT;
        private RetryPolicy retry = RetryPolicy.NONE;
        private LockSpec lock = new LockSpec.None();
        private boolean idempotent;
        private Optional<Heartbeat> heartbeat = Optional.empty();
        private Map<String, String> environment = Map.of();
        private Sandbox sandbox = Sandbox.OFF;
        private boolean enabled = true;

        private Builder(String name, Command command, Schedule schedule) {
            this.name = name;
            this.command = command;
            this.schedule = schedule;
        }

        public Builder at(SourcePosition v) { at = v; return this; }
        public Builder description(String v) { description = Optional.of(v); return this; }
        public Builder timezone(String v) { timezone = Optional.of(v); return this; }
        public Builder jitter(TimeSpan v) { jitter = Optional.of(v); return this; }
        public Builder timeout(TimeSpan v) { timeout = v; return this; }
        public Builder retry(RetryPolicy v) { retry = v; return this; }
        public Builder lock(LockSpec v) { lock = v; return this; }
        public Builder idempotent(boolean v) { idempotent = v; return this; }
        public Builder heartbeat(Heartbeat v) { heartbeat = Optional.of(v); return this; }
        public Builder environment(Map<String, String> v) { environment = v; return this; }
        public Builder sandbox(Sandbox v) { sandbox = v; return this; }
        public Builder enabled(boolean v) { enabled = v; return this; }

        public Job build() {
            RunnerOptions d = RunnerOptions.DEFAULTS;
            Execution x = Execution.DEFAULTS;
            return new Job(name, at, description, command,
                    new Timer(schedule, timezone, jitter, Timer.DEFAULT_ACCURACY, true, enabled),
                    new RunnerOptions(timeout, retry, d.permanentExitCodes(), lock, d.onBusy(), d.clusterUrlFile(),
                            d.onUnavailable(), idempotent, d.metricsDir()),
                    new Alerts(heartbeat, Optional.empty(), Alerts.NONE.alertAfter()),
                    new Execution(x.user(), x.group(), x.workingDirectory(), new TreeMap<>(environment),
                            x.environmentFiles(), x.resources(), sandbox),
                    Map.of());
        }
    }
}
