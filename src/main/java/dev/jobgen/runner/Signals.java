package dev.jobgen.runner;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT to the runner: remembered here (the JVM's default would exit at once and
 * orphan the child); the {@link ChildSupervisor} forwards them to the child's group and the run is
 * recorded as {@code killed} with exit status 128+signal.
 */
final class Signals {
    private volatile int received;

    /** Installs the handlers for this process (the runner's JVM only: tests use their own instance). */
    void install() {
        Signal.handle(new Signal("TERM"), s -> received = s.getNumber());
        Signal.handle(new Signal("INT"), s -> received = s.getNumber());
    }

    /** For tests and the cancellation checks: pretend {@code number} arrived. */
    void raise(int number) {
        received = number;
    }

    /** The signal number received, 0 when none. */
    int received() {
        return received;
    }

    boolean any() {
        return received != 0;
    }
}
