package dev.jobgen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.RetryPolicy;
import dev.jobgen.time.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each group of a job's settings keeps its own invariants, whoever builds it. */
class JobGroupsTest {
    private static final Schedule DAILY = new Schedule.Calendar(List.of("daily"));
    private static final Command TRUE = new Command.Argv(List.of("/bin/true"));

    @Test
    void eachGroupRefusesWhatTheBinderReportsAsAnError() {
        RunnerOptions d = RunnerOptions.DEFAULTS;
        assertThrows(IllegalArgumentException.class, () -> new RunnerOptions(TimeSpan.ZERO, d.retry(),
                d.permanentExitCodes(), d.lock(), d.onBusy(), d.clusterUrlFile(), d.onUnavailable(), d.idempotent(), d.metricsDir()));
        assertThrows(IllegalArgumentException.class, () -> new RunnerOptions(d.timeout(), d.retry(), List.of(2, 256),
                d.lock(), d.onBusy(), d.clusterUrlFile(), d.onUnavailable(), d.idempotent(), d.metricsDir()));
        assertThrows(IllegalArgumentException.class, () -> new Alerts(Optional.empty(), Optional.empty(), 0));
        assertThrows(IllegalArgumentException.class, () -> new Timer(DAILY, Optional.empty(),
                Optional.of(TimeSpan.INFINITY), Timer.DEFAULT_ACCURACY, true, true));
        Execution x = Execution.DEFAULTS;
        assertThrows(IllegalArgumentException.class, () -> new Execution(x.user(), x.group(), Optional.of("srv/app"),
                x.environment(), x.environmentFiles(), x.resources(), x.sandbox()));
        assertThrows(IllegalArgumentException.class, () -> new Execution(x.user(), x.group(), x.workingDirectory(),
                x.environment(), List.of("/etc/default/app", "app.env"), x.resources(), x.sandbox()));
    }

    @Test
    void groupsDoNotShareTheCollectionsTheyWereBuiltFrom() {
        List<Integer> codes = new ArrayList<>(List.of(78));
        TreeMap<String, String> env = new TreeMap<>(Map.of("A", "1"));
        RunnerOptions d = RunnerOptions.DEFAULTS;
        RunnerOptions r = new RunnerOptions(d.timeout(), d.retry(), codes, d.lock(), d.onBusy(), d.clusterUrlFile(),
                d.onUnavailable(), d.idempotent(), d.metricsDir());
        Execution x = Execution.DEFAULTS;
        Execution e = new Execution(x.user(), x.group(), x.workingDirectory(), env, x.environmentFiles(), x.resources(), x.sandbox());
        codes.add(2);
        env.put("B", "2");
        assertEquals(List.of(78), r.permanentExitCodes());
        assertEquals(Map.of("A", "1"), e.environment());
        assertThrows(UnsupportedOperationException.class, () -> e.environment().put("C", "3"));
    }

    @Test
    void theRunnerWrapsAJobForAnyRunnerOptionOrAlertButNotForATimeout() {
        assertFalse(Job.builder("plain", TRUE, DAILY).timeout(TimeSpan.ofSeconds(5)).build().usesRunner());
        assertTrue(Job.builder("locked", TRUE, DAILY).lock(new LockSpec.Node()).build().usesRunner());
        assertTrue(Job.builder("once", TRUE, DAILY).idempotent(true).build().usesRunner());
        assertTrue(Job.builder("again", TRUE, DAILY)
                .retry(new RetryPolicy(2, TimeSpan.ofSeconds(1), 1.0, Optional.empty())).build().usesRunner());
        Job plain = Job.builder("plain", TRUE, DAILY).build();
        RunnerOptions d = plain.runner();
        Job metered = new Job("metered", plain.at(), plain.description(), TRUE, plain.timer(),
                new RunnerOptions(d.timeout(), d.retry(), d.permanentExitCodes(), d.lock(), d.onBusy(), d.clusterUrlFile(),
                        d.onUnavailable(), d.idempotent(), Optional.of("/var/lib/node_exporter")),
                plain.alerts(), plain.execution(), Map.of());
        assertTrue(metered.usesRunner());
        Job alerted = new Job("alerted", plain.at(), plain.description(), TRUE, plain.timer(), plain.runner(),
                new Alerts(Optional.empty(), Optional.of(new OnFailure(Optional.empty(), Optional.empty(),
                        Optional.of("ops@example.org"), Optional.empty())), 1),
                plain.execution(), Map.of());
        assertTrue(alerted.usesRunner());
    }
}
