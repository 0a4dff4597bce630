package dev.jobgen.runner;

import java.util.function.BooleanSupplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT to the runner: remembered here (the JVM's default would exit at once and
 * orphan the child); the {@link ChildSupervisor} forwards them to the child's group and the run is
 * recorded as {@code killed} with exit status 128+signal.
 */
final class Signals implements BooleanSupplier {
    private volatile int received;
    /** The thread blocked in {@link #sleep} until the child exits or a signal comes; guarded by this. */
    private Thread sleeper;

    /** Installs the handlers for this process (the runner's JVM only: tests use their own instance). */
    void install() {
        SignalHandler remember = new SignalHandler() {
            @Override
            public void handle(Signal s) {
                raise(s.getNumber());
            }
        };
        Signal.handle(new Signal("TERM"), remember);
        Signal.handle(new Signal("INT"), remember);
    }

    /** True once a signal arrived: lets a lock wait give up. */
    @Override
    public boolean getAsBoolean() {
        return any();
    }

    /** Records signal {@code number} and wakes the thread in {@link #sleep} (tests call it to pretend one arrived). */
    void raise(int number) {
        received = number;
        synchronized (this) {
            if (sleeper != null) {
                sleeper.interrupt();
            }
        }
    }

    /** What {@link #sleep} waits on: true when it is over early (a child's exit, say). */
    interface Wait {
        boolean await(long nanos) throws InterruptedException;
    }

    /**
     * Blocks in {@code wait} for up to {@code nanos} ({@link Long#MAX_VALUE}: no limit) or until a
     * signal arrives, whichever is first, so that a supervising runner sleeps without waking up
     * to poll. A signal interrupts the blocked thread, and only while it is inside {@code wait}:
     * an interrupt elsewhere would close the {@code FileChannel}s of the lock and the history.
     * Returns what {@code wait} returned, false when cut short by a signal.
     */
    boolean sleep(Wait wait, long nanos) throws InterruptedException {
        synchronized (this) {
            if (any()) {
                return false;
            }
            sleeper = Thread.currentThread();
        }
        try {
            return wait.await(nanos);
        } catch (InterruptedException e) {
            if (any()) {
                return false;
            }
            throw e;
        } finally {
            synchronized (this) {
                sleeper = null;
            }
            if (any()) {
                Thread.interrupted(); // a signal's interrupt that came after the wait ended is spent
            }
        }
    }

    /** The signal number received, 0 when none. */
    int received() {
        return received;
    }

    boolean any() {
        return received != 0;
    }
}
