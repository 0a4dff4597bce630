package dev.jobgen.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds a lock file, written into it by the holder: the run, since when, where its history
 * lives and, once started, the command's process (pid and start time, so a reused pid is not
 * mistaken for it). One {@code key=value} per line; an empty file means nobody holds it.
 */
public record LockRecord(String job, String runId, String period, Path stateDir, Instant since, long commandPid, long commandStartMillis) {
    private static final String MAGIC = "jobgen-lock 1";

    static LockRecord of(String job, String runId, String period, Path stateDir, Instant since) {
        return new LockRecord(job, runId, period, stateDir.toAbsolutePath(), since, 0, 0);
    }

    /** {@link #commandPid} of a lean run's record: its command holds the lock with flock(1), no runner stays to name it. */
    static final long LEAN = -1;

    /** This run's record as a lean run leaves it while systemd runs its command. */
    LockRecord asLean() {
        return new LockRecord(job, runId, period, stateDir, since, LEAN, 0);
    }

    /** Whether a lean run wrote this: whether it still holds the lock only a flock holder can tell. */
    boolean lean() {
        return commandPid == LEAN;
    }

    LockRecord withCommand(ProcessHandle command) {
        return new LockRecord(job, runId, period, stateDir, since, command.pid(), startMillis(command));
    }

    String format() {
        return MAGIC + "\njob=" + job + "\nrun=" + runId + "\nperiod=" + period + "\nstate=" + stateDir + "\nsince="
                + since.toEpochMilli() + "\ncommand=" + commandPid + "\ncommand-start=" + commandStartMillis + "\n";
    }

    /** The record in {@code text}, empty when there is none or it does not parse (then it holds nothing). */
    static Optional<LockRecord> parse(String text) {
        if (!text.startsWith(MAGIC + "\n")) {
            return Optional.empty();
        }
        Map<String, String> f = new HashMap<>();
        for (String line : text.split("\n", -1)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                f.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        try {
            return Optional.of(new LockRecord(f.get("job"), f.get("run"), f.getOrDefault("period", ""), Path.of(f.get("state")),
                    Instant.ofEpochMilli(Long.parseLong(f.get("since"))), Long.parseLong(f.get("command")),
                    Long.parseLong(f.get("command-start"))));
        } catch (RuntimeException e) {
            // NullPointerException, NumberFormatException, InvalidPathException: a torn or foreign file
            return Optional.empty();
        }
    }

    /**
     * Whether the command of this run still runs: its process (same pid and start time), or any
     * process left in its process group (the command leads a group of its own).
     */
    boolean commandAlive() {
        if (commandPid <= 0) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(commandPid);
        // isAlive() is true for a zombie, which an init that does not reap leaves behind: read the state
        if (p.isPresent() && running(commandPid) && Math.abs(startMillis(p.get()) - commandStartMillis) < 1000) {
            return true;
        }
        return groupAlive(commandPid);
    }

    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean groupAlive(long pgid) {
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path proc : procs) {
                String name = proc.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                String stat;
                try {
                    stat = Files.readString(proc.resolve("stat"), StandardCharsets.ISO_8859_1);
                } catch (IOException gone) {
                    continue;
                }
                // pid (comm) state ppid pgrp ...: comm may hold blanks and parentheses, so split after the last ')'
                String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (rest.length > 2 && !rest[0].equals("Z") && !rest[0].equals("X") && rest[2].equals(Long.toString(pgid))) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static long startMillis(ProcessHandle p) {
        Optional<Instant> start = p.info().startInstant();
        return start.isPresent() ? start.get().toEpochMilli() : 0;
    }
}
