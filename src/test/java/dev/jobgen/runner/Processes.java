package dev.jobgen.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process checks for tests. */
final class Processes {
    private Processes() {}

    /**
     * Whether {@code pid} is running: a zombie is dead (in containers whose pid 1 does not reap,
     * killed orphans stay zombies and {@code ProcessHandle.isAlive} still says true).
     */
    static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    static String describe(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/stat"));
        } catch (IOException e) {
            return "gone";
        }
    }

    /** Waits up to {@code millis} for {@code pid} to stop running (signal delivery is asynchronous); true when it did. */
    static boolean awaitGone(long pid, long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        while (isRunning(pid)) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
