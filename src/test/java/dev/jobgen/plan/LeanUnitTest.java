package dev.jobgen.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.model.Command;
import dev.jobgen.model.Job;
import dev.jobgen.model.Sandbox;
import dev.jobgen.model.Schedule;
import dev.jobgen.model.SystemdVersion;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.RetryPolicy;
import dev.jobgen.time.TimeSpan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which jobs run lean; the lines themselves are in the golden units (example-daily-report) and the e2e check. */
class LeanUnitTest {
    private static Job.Builder job() {
        return Job.builder("demo", new Command.Argv(List.of("/bin/true")), new Schedule.Calendar(List.of("daily")));
    }

    @Test
    void aNodeLockedOrStampedJobWithOneAttemptRunsLeanFromSystemd243() {
        SystemdVersion v252 = SystemdVersion.of(252);
        assertTrue(LeanUnit.eligible(job().lock(new LockSpec.Node()).build(), v252));
        assertTrue(LeanUnit.eligible(job().idempotent(true).build(), v252));
        assertTrue(LeanUnit.eligible(job().lock(new LockSpec.Node()).build(), SystemdVersion.of(243)));
        assertFalse(LeanUnit.eligible(job().lock(new LockSpec.Node()).build(), SystemdVersion.of(242)), "ExecCondition= is 243");
    }

    @Test
    void jobsWhoseFeaturesNeedTheResidentRunnerKeepIt() {
        SystemdVersion v252 = SystemdVersion.of(252);
        assertFalse(LeanUnit.eligible(job().build(), v252), "a job without the runner has nothing to do at start or end");
        assertFalse(LeanUnit.eligible(job().lock(new LockSpec.Group("g")).build(), v252), "group lock files are shared");
        assertFalse(LeanUnit.eligible(job().lock(new LockSpec.Node())
                .retry(new RetryPolicy(2, TimeSpan.ofSeconds(1), 1.0, Optional.empty())).build(), v252), "retries");
        assertFalse(LeanUnit.eligible(job().lock(new LockSpec.Node()).sandbox(new Sandbox(Sandbox.Level.STRICT, List.of())).build(), v252),
                "ProcSubset=pid hides /proc/locks from the start phase");
        assertTrue(LeanUnit.eligible(job().lock(new LockSpec.Node()).sandbox(new Sandbox(Sandbox.Level.STANDARD, List.of())).build(), v252));
    }

    @Test
    void theStartTimeoutIsTheJobsPlusTheStartPhasesMargin() {
        assertEquals("1min 10s", LeanUnit.startTimeout(job().timeout(TimeSpan.ofSeconds(60)).build()));
        assertEquals("infinity", LeanUnit.startTimeout(job().timeout(TimeSpan.INFINITY).build()));
    }
}
