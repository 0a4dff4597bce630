package dev.jobgen.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starting the child as the leader of its own process group, and signalling that whole group.
 *
 * <p>Java cannot call {@code setsid(2)} itself, so the command is prefixed with util-linux
 * {@code setsid}: the JDK starts it in a fresh (non-leader) process that {@code setsid} turns into
 * a new session and process group and then replaces with the command by {@code exec}, so the pid
 * Java knows is the group id and grandchildren inherit the group. A {@code /bin/sh -c 'exec ...'}
 * wrapper would not help: a non-interactive shell makes no new group. Signals go to the group with
 * the shell's {@code kill -- -PGID}, which reaches reparented grandchildren too. Without
 * {@code setsid} on the machine the child shares the runner's group and signals go to the child
 * and its live descendants instead (the runner warns about it).
 */
final class ProcessGroup {
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Path setsid;

    private ProcessGroup(Path setsid) {
        this.setsid = setsid;
    }

    /** Finds {@code setsid}; {@link #isolated()} tells whether it was there. */
    static ProcessGroup locate() {
        for (Path p : SETSID) {
            if (Files.isExecutable(p)) {
                return new ProcessGroup(p);
            }
        }
        return new ProcessGroup(null);
    }

    boolean isolated() {
        return setsid != null;
    }

    /** The argv that runs {@code command} in its own group. */
    List<String> wrap(List<String> command) {
        if (setsid == null) {
            return command;
        }
        List<String> argv = new ArrayList<>(command.size() + 1);
        argv.add(setsid.toString());
        argv.addAll(command);
        return argv;
    }

    /** Sends {@code TERM} or {@code KILL} to the child's group (and the child itself, in case the group is not formed yet). */
    void signal(Process child, String signal) {
        boolean kill = signal.equals("KILL");
        if (setsid != null) {
            try {
                new ProcessBuilder("/bin/sh", "-c", "kill -s \"$0\" -- \"-$1\" 2>/dev/null", signal, Long.toString(child.pid()))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start()
                        .waitFor(2, TimeUnit.SECONDS);
            } catch (IOException e) {
                // fall through to the direct signals below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            child.descendants().forEach(d -> {
                if (kill) {
                    d.destroyForcibly();
                } else {
                    d.destroy();
                }
            });
        }
        if (kill) {
            child.destroyForcibly();
        } else {
            child.destroy();
        }
    }
}
