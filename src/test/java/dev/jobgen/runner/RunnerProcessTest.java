package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jobgen.history.HistoryReader;
import dev.jobgen.history.IsoInstant;
import dev.jobgen.history.Outcome;
import dev.jobgen.history.RunRecord;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobgen run} as a real separate JVM: what depends on being a process of its own. */
class RunnerProcessTest {
    @TempDir
    Path dir;

    List<String> base(String job) {
        return new ArrayList<>(List.of("--job", job, "--state-dir", dir.resolve("state").toString(),
                "--lock-dir", dir.resolve("lock").toString()));
    }

    static List<String> cmd(List<String> flags, String script) {
        List<String> all = new ArrayList<>(flags);
        all.addAll(List.of("--", "/bin/sh", "-c", script));
        return all;
    }

    static void awaitFile(Path file, long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        while (!Files.exists(file) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(file), file + " never appeared");
    }

    /**
     * Issue 14 item 7: systemd fires an unzoned timer in the manager's zone, whatever TZ the unit
     * gives the job; the period must follow the timer, not the runner's TZ.
     */
    @Test
    void anUnzonedScheduleTakesItsPeriodsInTheTimersZoneNotTheJobsTz() throws Exception {
        ZoneId timerZone = SchedulePeriods.timerZone(Map.of("TZ", "set"));
        // 14 hours from UTC and never the same wall clock as any zone a CI machine runs in at 02:00
        String jobZone = timerZone.getRules().getOffset(Instant.now()).getTotalSeconds() == 14 * 3600 ? "UTC" : "Pacific/Kiritimati";
        List<String> flags = base("zoned");
        flags.addAll(List.of("--idempotent", "period", "--schedule", "*-*-* 02:00:00"));
        ProcessBuilder pb = new ProcessBuilder(RunnerProcess.argv(List.of(), cmd(flags, "printf %s \"$JOBGEN_PERIOD\"")))
                .redirectError(dir.resolve("zoned.err").toFile());
        pb.environment().put("TZ", jobZone);
        Process p = pb.start();
        String period = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("zoned.err")));
        ZonedDateTime now = ZonedDateTime.now(timerZone);
        ZonedDateTime expected = now.toLocalDate().atTime(2, 0).atZone(timerZone);
        if (expected.isAfter(now)) {
            expected = expected.minusDays(1);
        }
        assertEquals(expected.toInstant().toString(), period, "period for TZ=" + jobZone + " with the timer in " + timerZone);
    }

    @Test
    void twentyRunnersOnOneLockRunTheCommandExactlyOnce() throws Exception {
        Path ran = dir.resolve("ran");
        Path go = dir.resolve("go");
        // the child holds the lock until every runner has finished trying, so none can get it late
        String script = "echo $$ >> " + ran + "; while [ ! -e " + go + " ]; do sleep 0.05; done";
        List<Process> runners = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<String> flags = base("many");
            // busy runs in a row fail from the third on (a lock someone keeps holding): not the point here
            flags.addAll(List.of("--lock", "group", "shared", "--max-busy-skips", "0"));
            runners.add(RunnerProcess.start(dir, "r" + i, cmd(flags, script)));
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (runners.stream().filter(p -> !p.isAlive()).count() < 19 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertEquals(19, runners.stream().filter(p -> !p.isAlive()).count(), "all but the lock holder finish on their own");
        Files.createFile(go);
        for (Process p : runners) {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        }
        assertEquals(1, Files.readAllLines(ran).size(), "exactly one child ran");
        List<RunRecord> history = HistoryReader.read(dir.resolve("state"));
        assertEquals(20, history.size(), "every runner appended one whole line");
        assertEquals(19, history.stream().filter(r -> r.outcome() == Outcome.SKIPPED_LOCKED).count());
        assertEquals(1, history.stream().filter(r -> r.outcome() == Outcome.SUCCESS).count());
        // private to the runners' user: another user who could open it could hold the lock for ever
        assertEquals("600", Integer.toOctalString((Integer) Files.getAttribute(dir.resolve("lock/group-shared.lock"), "unix:mode") & 0777));
    }

    /** The kernel lock dies with the runner; the record in the file keeps the lock while the orphaned command runs. */
    @Test
    void killNineOfTheRunnerWritesNoStampAndLeavesTheLockWithItsCommand() throws Exception {
        Path started = dir.resolve("started");
        List<String> flags = base("victim");
        flags.addAll(List.of("--lock", "node", "--idempotent", "period", "--schedule", "*-*-* *:*:00 UTC"));
        Process runner = RunnerProcess.start(dir, "victim", cmd(flags, "touch " + started + "; sleep 300"));
        awaitFile(started, 30_000);
        Thread.sleep(200);
        runner.destroyForcibly();
        assertTrue(runner.waitFor(10, TimeUnit.SECONDS));
        LockRecord held = LockRecord.parse(Files.readString(dir.resolve("lock/job-victim.lock"))).orElseThrow();
        try {
            try (FileChannel ch = FileChannel.open(dir.resolve("lock/job-victim.lock"), StandardOpenOption.WRITE);
                    FileLock lock = ch.tryLock()) {
                assertNotNull(lock, "the kernel lock is free as soon as the runner is dead");
            }
            assertTrue(held.commandAlive(), "the lock record names the command that still runs");
            assertFalse(Files.exists(dir.resolve("state/stamps")) && Files.list(dir.resolve("state/stamps")).findAny().isPresent(),
                    "no stamp after a killed run");
        } finally {
            new ProcessBuilder("kill", "-KILL", "--", "-" + held.commandPid()).start().waitFor();
        }
    }

    @Test
    void sigtermIsForwardedToTheGroupAndRecordedAsKilled() throws Exception {
        Path pid = dir.resolve("grandchild.pid");
        Path trapped = dir.resolve("trapped");
        String script = "trap 'echo term > " + trapped + "; exit 0' TERM; sleep 300 & echo $! > " + pid + "; wait";
        Process runner = RunnerProcess.start(dir, "term", cmd(base("term"), script));
        awaitFile(pid, 30_000);
        Thread.sleep(100);
        runner.destroy();
        assertTrue(runner.waitFor(30, TimeUnit.SECONDS));
        assertEquals(143, runner.exitValue());
        assertTrue(Files.exists(trapped), "the child got the TERM");
        assertTrue(Processes.awaitGone(Long.parseLong(Files.readString(pid).trim()), 2000), "the grandchild got it too");
        RunRecord r = HistoryReader.read(dir.resolve("state")).get(0);
        assertEquals(Outcome.KILLED, r.outcome());
        assertEquals(143, r.exitCode());
    }

    @Test
    void childExitStatusBecomesTheRunnersAndSignalsAre128Plus() throws Exception {
        Process p = RunnerProcess.start(dir, "exit", cmd(base("exit"), "exit 7"));
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(7, p.exitValue());
        Process k = RunnerProcess.start(dir, "self", cmd(base("self"), "kill -KILL $$"));
        assertTrue(k.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, k.exitValue());
    }

    @Test
    void malformedFlagsPrintOneLineAndExit2() throws Exception {
        for (List<String> args : List.of(
                List.of("--job", "x", "--bogus", "--", "true"),
                List.of("--job", "x", "--attempts", "zero", "--", "true"),
                List.of("--job", "x", "--idempotent", "period", "--", "true"),
                List.of("--job", "Bad Name", "--", "true"),
                List.of("--job", "x"),
                List.of("--job", "x", "--lock", "cluster", "--", "true"))) {
            Process p = RunnerProcess.start(dir, "usage", args);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue(), args.toString());
            List<String> err = Files.readAllLines(dir.resolve("usage.err"));
            assertEquals(1, err.size(), err.toString());
            assertTrue(err.get(0).startsWith("jobgen run: "), err.get(0));
        }
        Process help = RunnerProcess.start(dir, "help", List.of("--help"));
        assertTrue(help.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, help.exitValue());
        String usage = Files.readString(dir.resolve("help.out"));
        assertTrue(usage.startsWith("Usage: jobgen run --job NAME"), usage);
        for (String flag : List.of("--state-dir", "--lock-dir", "--on-busy", "--idempotent", "--schedule", "--force", "--timeout",
                "--kill-grace", "--attempts", "--retry-delay", "--backoff", "--max-delay", "--permanent-exit-codes",
                "--heartbeat-url-file", "--heartbeat-credential", "--heartbeat-start-url", "--heartbeat-failure-url",
                "--log-tail", "--metrics-dir", "--cluster-url-file", "--cluster-credential", "--on-unavailable")) {
            assertTrue(usage.contains(flag), "usage lacks " + flag);
        }
    }

    @Test
    void anIoFailureSaysWhatWentWrongNotOnlyThePath() throws Exception {
        // procfs refuses mkdir with ENOENT, and NIO's exception for that carries the path alone
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's procfs");
        Path lockDir = Path.of("/proc/self/jobgen-lock");
        Process p = RunnerProcess.start(dir, "io", List.of("--job", "io", "--lock", "node", "--state-dir", dir.resolve("state").toString(),
                "--lock-dir", lockDir.toString(), "--", "true"));
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        String err = Files.readString(dir.resolve("io.err")).strip();
        assertTrue(err.startsWith("jobgen run: error: " + lockDir + ": "), err);
        assertFalse(err.endsWith(lockDir.toString()), err);
    }

    @Test
    void loadsNoCliYamlTemplateJsonOrCompilerClasses() throws Exception {
        Path log = dir.resolve("classes.log");
        List<String> flags = base("lean");
        flags.addAll(List.of("--lock", "node"));
        Process p = RunnerProcess.start(dir, "lean", List.of("-Xlog:class+load=info:file=" + log), cmd(flags, "true"));
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> read(dir.resolve("lean.err")));
        String loaded = Files.readString(log);
        assertTrue(loaded.contains("dev.jobgen.runner.Runner "), "the log shows the runner's classes");
        for (String forbidden : List.of("picocli.", "org.yaml.", "freemarker.", "com.fasterxml.jackson.",
                "dev.jobgen.cli.", "dev.jobgen.load.", "dev.jobgen.bind.", "dev.jobgen.plan.", "dev.jobgen.render.",
                "java.net.http.")) {
            assertFalse(loaded.contains(" " + forbidden), "the runner loaded " + forbidden);
        }
    }

    @Test
    void hangingPingServerDelaysTheRunByAtMostTheBound() throws Exception {
        Path started = dir.resolve("started");
        try (PingServer server = new PingServer(PingServer.Behaviour.hang())) {
            List<String> flags = base("slowping");
            flags.addAll(List.of("--heartbeat", "healthchecks", "--heartbeat-url", server.url("/hc")));
            long t0 = System.nanoTime();
            Process p = RunnerProcess.start(dir, "slowping", cmd(flags, "date +%s%N > " + started));
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(0, p.exitValue(), "a hanging monitor never fails the job");
            long childStartMs = Long.parseLong(Files.readString(started).trim()) / 1_000_000 - (System.currentTimeMillis() - elapsedMs);
            assertTrue(childStartMs < 5_000, "the start ping must not hold the child back: it began after " + childStartMs + " ms");
            long bound = Heartbeat.END_BOUND.toMillis();
            assertTrue(elapsedMs < bound + 5_000, "runner took " + elapsedMs + " ms, bound " + bound + " ms");
            assertTrue(read(dir.resolve("slowping.err")).contains("ping time bound reached")
                    || read(dir.resolve("slowping.err")).contains("SocketTimeoutException"), read(dir.resolve("slowping.err")));
        }
    }

    @Test
    void realSchedulePeriodIsStampedSkippedAndForced() throws Exception {
        Path seen = dir.resolve("seen");
        List<String> flags = base("daily");
        flags.addAll(List.of("--lock", "node", "--idempotent", "period", "--schedule", "*-*-* 00:00:00 UTC",
                "--schedule", "*-*-* 00:00:00 Pacific/Kiritimati"));
        List<String> args = cmd(flags, "echo \"$JOBGEN_PERIOD\" >> " + seen);
        List<String> forced = new ArrayList<>(args);
        forced.add(forced.indexOf("--"), "--force");
        for (List<String> a : List.of(args, args, forced)) {
            Process p = RunnerProcess.start(dir, "daily", a);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), () -> read(dir.resolve("daily.err")));
        }
        List<String> periods = Files.readAllLines(seen);
        assertEquals(2, periods.size(), "ran, skipped, forced");
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant utcMidnight = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        java.time.Instant kiritimati = now.atZone(java.time.ZoneId.of("Pacific/Kiritimati"))
                .truncatedTo(java.time.temporal.ChronoUnit.DAYS).toInstant();
        String expected = IsoInstant.format(utcMidnight.isAfter(kiritimati) ? utcMidnight : kiritimati);
        assertEquals(List.of(expected, expected), periods, "the latest elapse of either schedule");
        assertTrue(Files.exists(dir.resolve("state/stamps/" + expected)));
        assertTrue(Files.readString(dir.resolve("state/" + SchedulePeriods.FILE)).startsWith("jobgen-periods 1\n"),
                "the elapses are remembered for the next runs (which found the same period through them)");
        assertEquals(List.of(Outcome.SUCCESS, Outcome.SKIPPED_DONE, Outcome.SUCCESS),
                HistoryReader.read(dir.resolve("state")).stream().map(RunRecord::outcome).toList());
    }

    @Test
    void badScheduleIsAUsageError() throws Exception {
        Process p = RunnerProcess.start(dir, "bad", List.of("--job", "x", "--schedule", "*-*-* 25:00", "--", "true"));
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertTrue(read(dir.resolve("bad.err")).startsWith("jobgen run: --schedule: '*-*-* 25:00' is not a calendar expression"));
    }

    @Test
    void onBusyWaitTakesTheLockWhenItFreesAndGivesUpAfterTheSpan() throws Exception {
        Path started = dir.resolve("started");
        Path go = dir.resolve("go");
        Path ran = dir.resolve("ran");
        List<String> flags = base("busy");
        flags.addAll(List.of("--lock", "node"));
        Process holder = RunnerProcess.start(dir, "holder", cmd(flags, "touch " + started + "; while [ ! -e " + go + " ]; do sleep 0.05; done"));
        awaitFile(started, 30_000);

        List<String> impatient = new ArrayList<>(flags);
        impatient.addAll(List.of("--on-busy", "wait", "300ms"));
        Process skipper = RunnerProcess.start(dir, "skipper", cmd(impatient, "echo skipper >> " + ran));
        assertTrue(skipper.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, skipper.exitValue());

        List<String> patient = new ArrayList<>(flags);
        patient.addAll(List.of("--on-busy", "wait", "1min"));
        Process waiter = RunnerProcess.start(dir, "waiter", cmd(patient, "echo waiter >> " + ran));
        Thread.sleep(500);
        assertTrue(waiter.isAlive(), "still waiting for the lock");
        Files.createFile(go);
        assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        assertTrue(waiter.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, waiter.exitValue());
        assertEquals(List.of("waiter"), Files.readAllLines(ran));
        assertEquals(List.of(Outcome.SKIPPED_LOCKED, Outcome.SUCCESS, Outcome.SUCCESS),
                HistoryReader.read(dir.resolve("state")).stream().map(RunRecord::outcome).toList());
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
