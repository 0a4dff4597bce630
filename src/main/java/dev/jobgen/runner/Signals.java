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

    /** Installs the handlers for this process (the runner's JVM only: tests use their own instance). */
    void install() {
        SignalHandler remember = new SignalHandler() {
            @Override
            public void handle(Signal s) {
                received = s.getNumber();
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
