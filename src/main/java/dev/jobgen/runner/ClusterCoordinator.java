package dev.jobgen.runner;

import dev.jobgen.history.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The seam for {@code --lock cluster}: a store shared by all nodes (PostgreSQL, see
 * {@code dev.jobgen.runner.cluster}) that lets one node run each slot of a job (its schedule
 * period) and remembers the slots that are done. The implementation is loaded only on the cluster
 * path, so plain runs never load JDBC.
 */
public interface ClusterCoordinator {

    /**
     * Takes the job's cluster lock, waiting up to {@code maxWait} while a peer holds it (or until
     * {@code cancelled}), and claims {@code slot}: a lease when this node is to run it, else the
     * reason a peer has it (slot done, or the job running elsewhere), which the store has recorded
     * as {@code skipped-peer}. Throws {@link Unavailable} when the store cannot be reached.
     */
    Claim claim(String slot, String runId, Instant start, Duration maxWait, BooleanSupplier cancelled) throws Unavailable;

    /** The answer of {@link #claim}: a lease (this node runs the slot) or none; {@code note} says why, may be empty. */
    record Claim(Optional<Lease> lease, String note) {
        public Claim {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(note, "note");
        }
    }

    /** A claimed slot with the cluster lock held; closing it releases the lock. */
    interface Lease extends AutoCloseable {
        /**
         * Records how the run ended; on success (or {@code skipped-done}: this node's own stamp says it
         * succeeded) marks the slot done, so no node runs it again. Called
         * before {@link #close}, so the slot is done before any peer can take the lock.
         */
        void finish(Outcome outcome, int exitCode, Instant end) throws Unavailable;

        @Override
        void close();
    }

    /** The store could not be reached or answered with an error. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
