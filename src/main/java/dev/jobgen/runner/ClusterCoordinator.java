package dev.jobgen.runner;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The seam for {@code --lock cluster}: a coordinator shared by all nodes (PostgreSQL, in a later
 * issue) that grants one run of a job at a time across the cluster. This build has none, and
 * {@code jobgen run --lock cluster} exits 2 saying so.
 */
public interface ClusterCoordinator {

    /**
     * Takes the job's cluster lock, waiting up to {@code maxWait} while it is held elsewhere; empty
     * when it stayed busy or {@code cancelled} turned true. Throws {@link Unavailable} when the
     * coordinator cannot be reached, so the runner applies {@code --on-unavailable}.
     */
    Optional<Lease> acquire(String job, Duration maxWait, BooleanSupplier cancelled) throws Unavailable;

    /** A held cluster lock; closing it releases the lock. */
    interface Lease extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** The coordinator could not be reached or answered with an error. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
