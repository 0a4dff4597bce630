package dev.jobgen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-line "still working" note on standard error, for work that takes longer than {@link #DELAY}
 * and only when standard error is a terminal: a log or a pipe gets no carriage returns and no
 * escapes. The line counts seconds and is erased when the work ends, before anything else is printed.
 */
final class Progress implements AutoCloseable {
    static final Duration DELAY = Duration.ofSeconds(1);
    private static final String ERASE_LINE = "\r\033[K";

    private final PrintWriter err;
    private final ScheduledExecutorService ticker;
    private final long started = System.nanoTime();
    private boolean shown;

    /** With no ticker: standard error is not a terminal. */
    private Progress(PrintWriter err) {
        this.err = err;
        this.ticker = null;
    }

    private Progress(PrintWriter err, String what, Duration delay) {
        this.err = err;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jobgen-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> show(what), delay.toMillis(), 1000, TimeUnit.MILLISECONDS);
    }

    /**
     * Shows progress of {@code what} on {@code ctx.err()} if it is a terminal; otherwise does nothing.
     * {@code JOBGEN_PROGRESS_DELAY_MS} sets the delay, so a test (or an impatient user) need not
     * depend on how long the work takes on a given machine.
     */
    static Progress start(CliContext ctx, String what) {
        return start(ctx, what, delay(ctx.env().get(DELAY_VARIABLE)));
    }

    static final String DELAY_VARIABLE = "JOBGEN_PROGRESS_DELAY_MS";

    static Duration delay(String millis) {
        if (millis != null && millis.matches("[0-9]{1,9}")) {
            return Duration.ofMillis(Long.parseLong(millis));
        }
        return DELAY;
    }

    static Progress start(CliContext ctx, String what, Duration delay) {
        return isTerminal(ctx.fs(), 2) ? new Progress(ctx.err(), what, delay) : new Progress(ctx.err());
    }

    /** True when file descriptor {@code fd} of this process is a terminal (Linux: its /proc link names a tty). */
    static boolean isTerminal(FileSystem fs, int fd) {
        try {
            String target = Files.readSymbolicLink(fs.getPath("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private synchronized void show(String what) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        err.print("\rjobgen: " + what + "... " + seconds + "s");
        err.flush();
        shown = true;
    }

    @Override
    public void close() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (shown) {
                err.print(ERASE_LINE);
                err.flush();
            }
        }
    }
}
