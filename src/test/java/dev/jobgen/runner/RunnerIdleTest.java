package dev.jobgen.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner whose child only sleeps costs nothing: its own threads block instead of polling, and
 * without a log tail to keep the child writes to the runner's stdout itself, so no pump threads.
 * Counted on the real process through /proc (Linux), like bench/runner-footprint.sh does.
 */
class RunnerIdleTest {
    @TempDir
    Path dir;

    @Test
    void runnerThreadsNeitherPollNorPumpWhileTheChildSleeps() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");
        Path started = dir.resolve("started");
        Process runner = RunnerProcess.start(dir, "idle", RunnerProcessTest.cmd(List.of("--job", "idle", "--state-dir",
                dir.resolve("state").toString(), "--lock-dir", dir.resolve("lock").toString(), "--lock", "node",
                "--timeout", "1h"), "echo out; echo err >&2; : > " + started + "; exec sleep 60"));
        try {
            RunnerProcessTest.awaitFile(started, 30_000);
            Thread.sleep(1000); // the warm-up thread and start-up garbage are done
            Map<String, Long> before = wakeups(runner.pid());
            Thread.sleep(2000);
            Map<String, Long> after = wakeups(runner.pid());
            assertFalse(before.keySet().stream().anyMatch(t -> t.contains("pump")), "pump threads: " + before.keySet());
            // "java" is the main thread (and the launcher's, parked in join); the reaper blocks in waitpid
            for (String thread : after.keySet()) {
                if (thread.startsWith("java/") || thread.startsWith("process reaper/")) {
                    assertEquals(before.get(thread), after.get(thread), thread + " woke up while the child slept: " + after);
                }
            }
            runner.destroy();
            assertTrue(runner.waitFor(30, TimeUnit.SECONDS));
            assertEquals(143, runner.exitValue(), "TERM still reaches the blocked runner");
            assertEquals("out\n", Files.readString(dir.resolve("idle.out")));
            assertTrue(Files.readString(dir.resolve("idle.err")).startsWith("err\n"), Files.readString(dir.resolve("idle.err")));
        } finally {
            runner.destroyForcibly();
        }
    }

    /** Voluntary context switches of each thread, keyed "name/tid". */
    static Map<String, Long> wakeups(long pid) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            counts.put(name + "/" + task.getFileName(), Long.parseLong(line.substring(24).trim()));
                        }
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return counts;
    }
}
