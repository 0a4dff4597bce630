package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jobgen.history.HistoryReader;
import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import dev.jobgen.runspec.LockSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobgen run --phase start|end} with real files, a real {@code flock(1)} holder and the
 * shell line the planner puts in front of the command; systemd's part (running them as
 * ExecCondition=/ExecStopPost=) is proven by the e2e check "lean runs".
 */
class LeanRunTest {
    @TempDir
    Path dir;

    private final List<Process> holders = new ArrayList<>();

    @AfterEach
    void releaseHolders() throws InterruptedException {
        for (Process p : holders) {
            p.destroyForcibly().waitFor();
        }
    }

    private List<String> flags(String... extra) {
        List<String> a = new ArrayList<>(List.of("--job", "demo", "--state-dir", dir.resolve("state").toString(), "--lock", "node",
                "--lock-dir", dir.resolve("lock").toString(), "--idempotent", "period", "--schedule", "*-*-* 00:00:00 UTC"));
        a.addAll(List.of(extra));
        a.addAll(List.of("--", "/bin/true"));
        return a;
    }

    private static Map<String, String> env(String invocation, String... resultCodeStatus) {
        Map<String, String> e = new HashMap<>();
        e.put("INVOCATION_ID", invocation);
        if (resultCodeStatus.length == 3) {
            e.put("SERVICE_RESULT", resultCodeStatus[0]);
            e.put("EXIT_CODE", resultCodeStatus[1]);
            e.put("EXIT_STATUS", resultCodeStatus[2]);
        }
        return e;
    }

    private List<Outcome> outcomes() throws IOException {
        return LockSafetyTest.outcomes(dir.resolve("state"));
    }

    private Path lockFile() {
        return dir.resolve("lock").resolve("job-demo.lock");
    }

    /** A lean run's start phase, then its command holding the job's lock with util-linux flock, as the unit runs it. */
    private void leanRunHoldsTheLock() throws Exception {
        assertEquals(0, LeanRun.main("start", flags(), env("holder")));
        assertTrue(LockRecord.parse(Files.readString(lockFile())).get().lean(), "no lean record left for the next runner");
        Path held = dir.resolve("held");
        Process p = new ProcessBuilder("flock", "-n", "-F", lockFile().toString(), "/bin/sh", "-c", "touch " + held + "; exec sleep 60")
                .redirectErrorStream(true).start();
        holders.add(p);
        RunnerProcessTest.awaitFile(held, 10_000);
        assertTrue(Files.exists(held), "flock did not take the lock");
    }

    private static boolean hasFlock() {
        return Files.isExecutable(Path.of("/usr/bin/flock"));
    }

    @Test
    void aRunGoesFromStartThroughTheCommandToEndAndTheNextStartOfThePeriodSkips() throws Exception {
        assertEquals(0, LeanRun.main("start", flags(), env("inv1")));
        Path facts = dir.resolve("state").resolve(LeanRun.ENV_FILE);
        // the command gets its variables through the planner's shell line, as the job's user would
        Process sh = new ProcessBuilder("/bin/sh", "-c", "set -a; . \"$0\" && exec \"$@\"", facts.toString(), "/usr/bin/env")
                .redirectErrorStream(true).start();
        String seen = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, sh.waitFor());
        assertTrue(seen.contains("JOBGEN_JOB=demo\n") && seen.contains("JOBGEN_ATTEMPT=1\n")
                && seen.matches("(?s).*JOBGEN_PERIOD=\\d{4}-\\d\\d-\\d\\dT00:00:00Z\n.*"), seen);
        String runId = seen.replaceAll("(?s).*JOBGEN_RUN_ID=([0-9a-f-]{36})\n.*", "$1");

        assertEquals(0, LeanRun.main("end", flags(), env("inv1", "success", "exited", "0")));
        assertEquals(List.of(Outcome.SUCCESS), outcomes());
        assertEquals(runId, HistoryReader.read(dir.resolve("state")).get(0).runId());
        assertFalse(Files.exists(facts), "run.env outlived the run");
        assertEquals("", Files.readString(lockFile()), "the end phase left its record in the lock file");

        assertEquals(LeanRun.SKIP, LeanRun.main("start", flags(), env("inv2")));
        // systemd may still run the end phase after a skip: it records nothing more
        assertEquals(0, LeanRun.main("end", flags(), env("inv2")));
        assertEquals(List.of(Outcome.SUCCESS, Outcome.SKIPPED_DONE), outcomes());
        assertEquals(0, LeanRun.main("start", flags("--force"), env("inv3")));
    }

    @Test
    void anEndWhoseStartWasAnotherInvocationRecordsNothing() throws Exception {
        assertEquals(0, LeanRun.main("start", flags(), env("inv1")));
        assertEquals(0, LeanRun.main("end", flags(), env("other", "success", "exited", "0")));
        assertEquals(List.of(), outcomes());
    }

    @Test
    void aLockHeldByFlockSkipsAndTheThirdBusyRunInARowFailsTheUnit() throws Exception {
        assumeTrue(hasFlock(), "needs util-linux flock");
        leanRunHoldsTheLock();
        assertEquals(LeanRun.SKIP, LeanRun.main("start", flags(), env("a")));
        assertEquals(LeanRun.SKIP, LeanRun.main("start", flags(), env("b")));
        assertEquals(LeanRun.FAIL, LeanRun.main("start", flags(), env("c")));
        assertEquals(List.of(Outcome.SKIPPED_LOCKED, Outcome.SKIPPED_LOCKED, Outcome.SKIPPED_LOCKED), outcomes());
        assertFalse(Files.exists(dir.resolve("state").resolve(LeanRun.ENV_FILE)));
    }

    @Test
    void aResidentRunnerSeesALeanRunsFlockAsHoldingTheLockAndNoOrphanAfterIt() throws Exception {
        assumeTrue(hasFlock(), "needs util-linux flock");
        leanRunHoldsTheLock();
        assertTrue(FlockHolders.held(lockFile()));
        TestConfig c = new TestConfig(dir, "echo resident");
        c.lock = new LockSpec.Node();
        c.stateDir = dir.resolve("resident");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Runner resident = new Runner(c.build(), PeriodSource.none(), java.time.Clock.systemUTC(), Map.of(),
                new Console(out, out, 1024), new Signals(), ProcessGroup.locate(), "h");
        assertEquals(0, resident.run());
        assertEquals(List.of(Outcome.SKIPPED_LOCKED), LockSafetyTest.outcomes(c.stateDir));
        // the command ended without its end phase (the lean record stays): no orphan, the lock is free
        // once the hand-over time has passed, during which a lean record without flock still counts
        holders.get(0).destroyForcibly().waitFor();
        assertFalse(FlockHolders.held(lockFile()));
        assertEquals(0, resident.run());
        assertEquals(List.of(Outcome.SKIPPED_LOCKED, Outcome.SKIPPED_LOCKED), LockSafetyTest.outcomes(c.stateDir));
        Files.setLastModifiedTime(lockFile(), java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - LockFile.LEAN_HANDOVER_MS - 1000));
        assertEquals(0, resident.run());
        assertEquals(List.of(Outcome.SKIPPED_LOCKED, Outcome.SKIPPED_LOCKED, Outcome.SUCCESS), LockSafetyTest.outcomes(c.stateDir));
        assertEquals(List.of(), outcomes(), "the lean run was recorded by someone other than its end phase");
    }

    @Test
    void theLockChecksOfTheResidentRunnerHoldForTheStartPhase() throws Exception {
        Path lock = dir.resolve("lock");
        Files.createDirectories(lock);
        Files.createSymbolicLink(lock.resolve("job-demo.lock"), dir.resolve("elsewhere"));
        assertEquals(LeanRun.FAIL, LeanRun.main("start", flags(), env("a")));
        assertFalse(Files.exists(dir.resolve("elsewhere")));
        assertEquals(LeanRun.FAIL, LeanRun.main("middle", flags(), env("a")));
        assertEquals(LeanRun.FAIL, LeanRun.main("start", flags("--attempts", "2"), env("a")));
        List<String> group = new ArrayList<>(flags());
        group.set(group.indexOf("node"), "group:shared");
        assertEquals(LeanRun.FAIL, LeanRun.main("start", group, env("a")), "a group's lock file is shared with resident runners");
        assertFalse(Files.exists(lock.resolve("group-shared.lock")), "a refused start phase touched the group's lock");
    }

    @Test
    void systemdsResultMapsToTheOutcomesOfTheResidentRunner() throws Exception {
        String[][] cases = {
            {"success", "exited", "0", "SUCCESS", "0"},
            {"exit-code", "exited", "3", "FAILED", "3"},
            {"timeout", "killed", "TERM", "TIMEOUT", "143"},
            {"timeout", "exited", "0", "TIMEOUT", "143"},
            {"success", "killed", "TERM", "KILLED", "143"},
            {"exit-code", "exited", "143", "KILLED", "143"},
            {"signal", "killed", "KILL", "FAILED", "137"},
            {"core-dump", "dumped", "SEGV", "FAILED", "139"},
        };
        for (String[] c : cases) {
            assertEquals(0, LeanRun.main("start", flags("--force"), env("inv")));
            assertEquals(0, LeanRun.main("end", flags(), env("inv", c[0], c[1], c[2])));
            RunRecord last = HistoryReader.read(dir.resolve("state")).get(HistoryReader.read(dir.resolve("state")).size() - 1);
            assertEquals(Outcome.valueOf(c[3]), last.outcome(), String.join(" ", c));
            assertEquals(Integer.parseInt(c[4]), last.exitCode(), String.join(" ", c));
        }
    }

    @Test
    void procLocksLinesAreMatchedByDeviceAndInode() throws Exception {
        String locks = "1: POSIX  ADVISORY  WRITE 10 00:1a:77 0 EOF\n2: -> FLOCK  ADVISORY  WRITE 11 00:1a:77 0 EOF\n"
                + "3: FLOCK  ADVISORY  WRITE 12 fd:01:77 0 EOF\n";
        assertFalse(FlockHolders.heldIn(locks, 0, 0x1a, 77), "a POSIX lock or a waiter counted as a flock holder");
        assertTrue(FlockHolders.heldIn(locks, 0xfd, 1, 77));
        assertFalse(FlockHolders.heldIn(locks, 0xfd, 2, 77));

        // it fails closed: a lock table this process cannot see, or one too long to read, counts as held
        Path file = Files.writeString(dir.resolve("held-probe"), "");
        Path table = dir.resolve("locks");
        Files.writeString(table, "1: FLOCK  ADVISORY  WRITE 4242 00:1a:1 0 EOF\n");
        assertFalse(FlockHolders.held(file, table), "a table without the file's inode");
        assertTrue(FlockHolders.held(file, dir.resolve("no-such-table")), "an unreadable table counts as held");
        Files.write(table, new byte[FlockHolders.MAX_BYTES + 1]);
        assertTrue(FlockHolders.held(file, table), "a table past the bound counts as held");
    }
}
