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
 * {@link Console}, killed as a group (TERM, then KILL after the grace period) when the attempt's
 * timeout passes or the runner is signalled.
 */
final class ChildSupervisor {
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
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
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            console.note("cannot start " + command.get(0) + ": " + e.getMessage());
            return new AttemptResult(127, false, false);
        }
        started.started(child.toHandle());
        Thread out = OutputPump.start(child.getInputStream(), console, false);
        Thread err = OutputPump.start(child.getErrorStream(), console, true);
        long started = System.nanoTime();
        long limit = timeout.isPresent() ? timeout.get().toNanos() : Long.MAX_VALUE;
        boolean timedOut = false;
        long termSent = 0;
        while (!child.waitFor(SLICE_NANOS, TimeUnit.NANOSECONDS)) {
            long now = System.nanoTime();
            if (termSent == 0 && (signals.any() || now - started >= limit)) {
                timedOut = !signals.any();
                console.note(timedOut ? "attempt timed out after " + span(timeout.get()) + ": terminating its process group"
                        : "signal " + signals.received() + " received: terminating the command's process group");
                group.signal(child, "TERM");
                termSent = now;
            } else if (termSent != 0 && now - termSent >= killGrace.toNanos()) {
                console.note("still running " + span(killGrace) + " after TERM: killing its process group");
                group.signal(child, "KILL");
                termSent = Long.MAX_VALUE / 2;
            }
        }
        if (termSent != 0) {
            // the leader is gone; stragglers of the group that ignored TERM get KILL now
            group.signal(child, "KILL");
        }
        out.join(DRAIN_MILLIS);
        err.join(DRAIN_MILLIS);
        return new AttemptResult(child.exitValue(), timedOut, signals.any());
    }

    /** As the flags are written ({@code 5min}, not {@code Duration}'s {@code PT5M}); these come from time spans, so fit in micros. */
    private static String span(Duration d) {
        return new TimeSpan(d.getSeconds() * 1_000_000L + d.getNano() / 1000).normalized();
    }
}
