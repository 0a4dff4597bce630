package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jobgen.history.HistoryReader;
import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import dev.jobgen.runspec.LockSpec;
import dev.jobgen.runspec.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock directory and lock files against a hostile local user (issue 14, items 1 to 5 and 13):
 * links, FIFOs, foreign owners and modes, a lock held for ever, a runner killed outright.
 */
class LockSafetyTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    Path lockDir() throws IOException {
        Path d = dir.resolve("lock");
        Files.createDirectories(d);
        return d;
    }

    static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    static boolean root() throws IOException {
        return LockFile.currentUid() == 0;
    }

    int run(TestConfig c) throws Exception {
        RunSpec config = c.build();
        return new Runner(config, PeriodSource.none(), Clock.systemUTC(), Map.of(), new Console(out, err, 1024), new Signals(),
                ProcessGroup.locate(), "h").run();
    }

    @Test
    void aNewLockFileIsPrivateToItsOwner() throws Exception {
        Path locks = lockDir();
        try (LockFile lock = LockFile.acquire(locks, "job-a.lock", Duration.ZERO, () -> false).lock().orElseThrow()) {
            assertEquals(0600, mode(lock.file()));
        }
    }

    @Test
    void aSymlinkAtTheLockPathIsRefusedAndItsTargetKeepsItsMode() throws Exception {
        Path locks = lockDir();
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "root only");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(locks.resolve("job-a.lock"), secret);
        IOException e = assertThrows(IOException.class, () -> LockFile.acquire(locks, "job-a.lock", Duration.ZERO, () -> false));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals(0600, mode(secret));
        assertEquals("root only", Files.readString(secret));
    }

    @Test
    void aFifoAtTheLockPathFailsAtOnceInsteadOfHanging() throws Exception {
        Path locks = lockDir();
        Path fifo = locks.resolve("job-a.lock");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        TestConfig c = new TestConfig(dir, "true");
        c.job = "a";
        c.lock = new LockSpec.Node();
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IOException.class, () -> run(c)));
        assertTrue(e.getMessage().contains("not a regular file") && e.getMessage().contains(fifo.toString()), e.getMessage());
    }

    @Test
    void aGroupOrWorldWritableLockDirectoryIsRefused() throws Exception {
        Path locks = lockDir();
        Files.setAttribute(locks, "unix:mode", 01777);
        IOException e = assertThrows(IOException.class, () -> LockFile.acquire(locks, "job-a.lock", Duration.ZERO, () -> false));
        assertTrue(e.getMessage().contains("mode 1777") && e.getMessage().contains("refusing"), e.getMessage());
        assertFalse(Files.exists(locks.resolve("job-a.lock")));
    }

    @Test
    void aLockDirectoryOrFileOwnedByAnotherUserIsRefused() throws Exception {
        assumeTrue(root(), "needs root to give a file to another user");
        Path locks = lockDir();
        Files.setAttribute(locks, "unix:uid", 65534);
        IOException e = assertThrows(IOException.class, () -> LockFile.acquire(locks, "job-a.lock", Duration.ZERO, () -> false));
        assertTrue(e.getMessage().contains("owned by uid 65534"), e.getMessage());

        Files.setAttribute(locks, "unix:uid", 0);
        Path planted = Files.createFile(locks.resolve("job-b.lock"));
        Files.setAttribute(planted, "unix:uid", 65534);
        e = assertThrows(IOException.class, () -> LockFile.acquire(locks, "job-b.lock", Duration.ZERO, () -> false));
        assertTrue(e.getMessage().contains("lock file " + planted + " is owned by uid 65534"), e.getMessage());
    }

    @Test
    void aLockDirectoryInADirectoryOthersMayWriteIsRefused() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Path locks = Files.createDirectory(open.resolve("lock"));
        Files.setAttribute(open, "unix:mode", 0777);
        IOException e = assertThrows(IOException.class, () -> LockFile.acquire(locks, "job-a.lock", Duration.ZERO, () -> false));
        assertTrue(e.getMessage().contains("replace the whole directory"), e.getMessage());
        Files.setAttribute(open, "unix:mode", 01777);
        LockFile.acquire(locks, "job-a.lock", Duration.ZERO, () -> false).lock().orElseThrow().close();
    }

    @Test
    void aSymlinkedLockDirectoryIsRefused() throws Exception {
        Path real = lockDir();
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        IOException e = assertThrows(IOException.class, () -> LockFile.acquire(link, "job-a.lock", Duration.ZERO, () -> false));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void aRelativeMissingLockDirectoryIsMadeAndAMissingParentIsAClearError() throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        Process p = new ProcessBuilder(RunnerProcess.argv(List.of(), List.of("--job", "rel", "--state-dir", "st", "--lock", "node",
                "--lock-dir", "newlk", "--", "/bin/true"))).directory(work.toFile()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        assertTrue(Files.isRegularFile(work.resolve("newlk/job-rel.lock")));

        p = new ProcessBuilder(RunnerProcess.argv(List.of(), List.of("--job", "rel", "--state-dir", "st", "--lock", "node",
                "--lock-dir", "no/such", "--", "/bin/true"))).directory(work.toFile()).redirectErrorStream(true).start();
        text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), text);
        assertTrue(text.contains("lock directory " + work.resolve("no/such") + " does not exist, nor does its parent"), text);
        assertFalse(text.contains("Exception"), text);
    }

    /** A lock someone keeps holding: skips at first, "blocked" once held past the job's bound, a failure on the third in a row. */
    @Test
    void aLockHeldForEverEndsInBlockedRunsAndAFailure() throws Exception {
        Path locks = lockDir();
        Path started = dir.resolve("started");
        Process holder = RunnerProcess.start(dir, "holder", List.of("--job", "hog", "--state-dir", dir.resolve("hog").toString(),
                "--lock", "group", "g", "--lock-dir", locks.toString(), "--", "/bin/sh", "-c", "touch " + started + "; sleep 60"));
        try {
            RunnerProcessTest.awaitFile(started, 30_000);
            TestConfig c = new TestConfig(dir, "echo ran");
            c.lock = new LockSpec.Group("g");
            assertEquals(0, run(c));
            assertEquals(Outcome.SKIPPED_LOCKED, HistoryReader.read(c.stateDir).get(0).outcome());
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("of job hog"), err.toString(StandardCharsets.UTF_8));

            // this job may take 10 ms + 10 ms grace: a holder there for longer is blocking it
            c.timeout = Optional.of(Duration.ofMillis(10));
            c.killGrace = Duration.ofMillis(10);
            Thread.sleep(50);
            assertEquals(0, run(c));
            assertEquals(Outcome.BLOCKED, HistoryReader.read(c.stateDir).get(1).outcome());
            assertEquals(Runner.UNAVAILABLE_EXIT, run(c));
            assertEquals(List.of(Outcome.SKIPPED_LOCKED, Outcome.BLOCKED, Outcome.BLOCKED), outcomes(c.stateDir));
            assertFalse(out.toString(StandardCharsets.UTF_8).contains("ran"));
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    /** Item 5: kill -9 of the runner leaves its command running; the lock must stay held until it ends, and the run is recorded. */
    @Test
    void aRunnerKilledOutrightKeepsTheLockWhileItsCommandRunsAndIsRecordedAsOrphaned() throws Exception {
        assumeTrue(ProcessGroup.locate().isolated(), "needs setsid so the command survives its runner");
        Path locks = lockDir();
        Path started = dir.resolve("started");
        Path release = dir.resolve("release");
        Path state = dir.resolve("state");
        Process first = RunnerProcess.start(dir, "first", List.of("--job", "demo", "--state-dir", state.toString(), "--lock", "node",
                "--lock-dir", locks.toString(), "--", "/bin/sh", "-c",
                "touch " + started + "; while [ ! -e " + release + " ]; do sleep 0.05; done"));
        RunnerProcessTest.awaitFile(started, 30_000);
        // the record names the command once it has started
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (LockRecord.parse(Files.readString(locks.resolve("job-demo.lock"))).map(r -> r.commandPid()).orElse(0L) == 0
                && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        first.destroyForcibly().waitFor();

        TestConfig c = new TestConfig(dir, "echo second");
        c.lock = new LockSpec.Node();
        assertEquals(0, run(c));
        assertEquals(List.of(Outcome.SKIPPED_LOCKED), outcomes(state));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("second"), "two copies ran");

        Files.createFile(release);
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Outcome> seen;
        do {
            Thread.sleep(100);
            run(c);
            seen = outcomes(state);
        } while (!seen.contains(Outcome.SUCCESS) && System.nanoTime() < until);
        assertTrue(seen.contains(Outcome.ORPHANED) && seen.get(seen.size() - 1) == Outcome.SUCCESS, seen.toString());
        assertEquals(seen.indexOf(Outcome.ORPHANED), seen.size() - 2, seen.toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("died while its command ran"), err.toString(StandardCharsets.UTF_8));
    }

    static List<Outcome> outcomes(Path state) throws IOException {
        List<Outcome> o = new ArrayList<>();
        for (RunRecord r : HistoryReader.read(state)) {
            o.add(r.outcome());
        }
        return o;
    }
}
