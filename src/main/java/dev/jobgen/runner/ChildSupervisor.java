package dev.jobgen.runner;

import dev.jobgen.time.TimeSpan;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one attempt of the command: in its own process group, output pumped line by line to the
 * {@link Console} (or, when it {@linkplain Console#passesThrough() passes through}, written by the
 * child straight to the runner's stdout and stderr), killed as a group (TERM, then KILL after the
 * grace period) when the attempt's timeout passes or the runner is signalled. While the child
 * runs, the runner's thread blocks until the next of those events instead of polling, so an idle
 * run costs no CPU (bench/runner-footprint.sh).
 */
final class ChildSupervisor {
    /** How long output still held open by leftover grandchildren is waited for after the child exits. */
    private static final long DRAIN_MILLIS = 2000;

    private final ProcessGroup group;
    private final Console console;
    private final Signals signals;
    private final Duration killGrace;
    private final Started started;

    /** Told each attempt's process as soon as it runs (the lock record names it). */
    interface Started {
        void started(ProcessHandle command);
    }

    ChildSupervisor(ProcessGroup group, Console console, Signals signals, Duration killGrace, Started started) {
        this.group = group;
        this.console = console;
        this.signals = signals;
        this.killGrace = killGrace;
        this.started = started;
    }

    /** How one attempt ended: the child's exit status (128+n when it died of signal n). */
    record AttemptResult(int exitCode, boolean timedOut, boolean killed) {}

    AttemptResult run(List<String> command, Map<String, String> env, Optional<Duration> timeout) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(group.wrap(command)).redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        // Nothing to keep (no tail wanted) and nowhere else to copy to: the child writes to the
        // runner's own stdout/stderr itself, so no pipes and no pump threads for the whole run.
        boolean direct = console.passesThrough();
        if (direct) {
            pb.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            console.note("cannot start " + command.get(0) + ": " + e.getMessage());
            return new AttemptResult(127, false, false);
        }
        started.started(child.toHandle());
        Thread out = direct ? null : OutputPump.start(child.getInputStream(), console, false);
        Thread err = direct ? null : OutputPump.start(child.getErrorStream(), console, true);
        ExitOf exit = new ExitOf(child);
        long startNanos = System.nanoTime();
        long limit = timeout.isPresent() ? timeout.get().toNanos() : Long.MAX_VALUE;
        boolean timedOut = false;
        long termSent = 0;
        boolean killSent = false;
        // blocks until the next thing to do (exit, signal, timeout, end of the grace): no polling
        while (true) {
            long now = System.nanoTime();
            if (termSent == 0 && (signals.any() || now - startNanos >= limit)) {
                timedOut = !signals.any();
                console.note(timedOut ? "attempt timed out after " + span(timeout.get()) + ": terminating its process group"
                        : "signal " + signals.received() + " received: terminating the command's process group");
                group.signal(child, "TERM");
                termSent = now;
            } else if (termSent != 0 && !killSent && now - termSent >= killGrace.toNanos()) {
                console.note("still running " + span(killGrace) + " after TERM: killing its process group");
                group.signal(child, "KILL");
                killSent = true;
            }
            long wait = termSent == 0 ? (limit == Long.MAX_VALUE ? Long.MAX_VALUE : limit - (now - startNanos))
                    : killSent ? Long.MAX_VALUE : killGrace.toNanos() - (now - termSent);
            if (termSent == 0 ? signals.sleep(exit, wait) : exit.await(wait)) {
                break;
            }
        }
        if (termSent != 0) {
            // the leader is gone; stragglers of the group that ignored TERM get KILL now
            group.signal(child, "KILL");
        }
        if (out != null) {
            out.join(DRAIN_MILLIS);
            err.join(DRAIN_MILLIS);
        }
        return new AttemptResult(child.exitValue(), timedOut, signals.any());
    }

    /** The child's exit, waited for without a timer when there is no limit. */
    private static final class ExitOf implements Signals.Wait {
        private final Process child;

        ExitOf(Process child) {
            this.child = child;
        }

        @Override
        public boolean await(long nanos) throws InterruptedException {
            if (nanos == Long.MAX_VALUE) {
                child.waitFor();
                return true;
            }
            return child.waitFor(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        }
    }

    /** As the flags are written ({@code 5min}, not {@code Duration}'s {@code PT5M}); these come from time spans, so fit in micros. */
    private static String span(Duration d) {
        return new TimeSpan(d.getSeconds() * 1_000_000L + d.getNano() / 1000).normalized();
    }
}
