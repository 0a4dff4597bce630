package dev.jobgen.model;

import dev.jobgen.diag.SourcePosition;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.OnBusy;
import dev.jobgen.runspec.OnUnavailable;
import dev.jobgen.runspec.RetryPolicy;
import dev.jobgen.time.TimeSpan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One job of a catalogue, every default applied (bind/ is the only place defaults live).
 * {@code at} is where the job's name was written, for diagnostics about the whole job;
 * {@code keyPositions} where each key was written, for diagnostics about one setting.
 */
public record Job(
        String name,
        SourcePosition at,
        Optional<String> description,
        Command command,
        Schedule schedule,
        Optional<String> timezone,
        Optional<TimeSpan> jitter,
        TimeSpan accuracy,
        boolean catchUp,
        TimeSpan timeout,
        RetryPolicy retry,
        List<Integer> permanentExitCodes,
        LockSpec lock,
        OnBusy onBusy,
        Optional<String> clusterUrlFile,
        OnUnavailable onUnavailable,
        boolean idempotent,
        Optional<Heartbeat> heartbeat,
        Optional<OnFailure> onFailure,
        int alertAfter,
        Optional<String> user,
        Optional<String> group,
        Optional<String> workingDirectory,
        SortedMap<String, String> environment,
        List<String> environmentFiles,
        Resources resources,
        Sandbox sandbox,
        Optional<String> metricsDir,
        boolean enabled,
        Map<String, SourcePosition> keyPositions) {

    public static final TimeSpan DEFAULT_TIMEOUT = TimeSpan.ofSeconds(3600);
    public static final TimeSpan DEFAULT_ACCURACY = TimeSpan.ofSeconds(1);

    public Job {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(accuracy, "accuracy");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(onBusy, "onBusy");
        Objects.requireNonNull(onUnavailable, "onUnavailable");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(sandbox, "sandbox");
        permanentExitCodes = List.copyOf(permanentExitCodes);
        environment = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        environmentFiles = List.copyOf(environmentFiles);
        keyPositions = Map.copyOf(keyPositions);
    }

    /** Where {@code key} was written for this job (perhaps in the defaults), else where the job was. */
    public SourcePosition at(String key) {
        return keyPositions.getOrDefault(key, at);
    }

    /** Whether the runner wraps the command (any runner feature in use). */
    public boolean usesRunner() {
        return !(lock instanceof LockSpec.None) || idempotent || heartbeat.isPresent() || retry.retries()
                || metricsDir.isPresent() || onFailure.isPresent();
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
        private TimeSpan timeout = DEFAULT_TIMEOUT;
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
            return new Job(name, at, description, command, schedule, timezone, jitter, DEFAULT_ACCURACY, true,
                    timeout, retry, List.of(), lock, OnBusy.SKIP, Optional.empty(), OnUnavailable.FAIL, idempotent, heartbeat,
                    Optional.empty(), 1, Optional.empty(), Optional.empty(), Optional.empty(), new TreeMap<>(environment),
                    List.of(), Resources.NONE, sandbox, Optional.empty(), enabled, Map.of());
        }
    }
}
