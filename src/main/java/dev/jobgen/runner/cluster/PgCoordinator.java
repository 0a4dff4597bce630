package dev.jobgen.runner.cluster;

import dev.jobgen.history.Outcome;
import dev.jobgen.runner.ClusterCoordinator;
import dev.jobgen.runspec.RunSpec;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code --lock cluster} on PostgreSQL. For one run: open a session, create the schema if needed,
 * take the job's advisory lock (polling up to {@code --on-busy wait}), then look at the period's
 * row: {@code done} means a peer ran it (recorded {@code skipped-peer}); otherwise this node
 * claims it. A row left {@code running} is a dead holder's (its session, and so its lock, is
 * gone): it is taken over, with no lease or clock comparison. The session stays open while the
 * command runs; {@link Lease#finish} marks the period before the lock is released. If the
 * session died meanwhile (database restarted), finishing opens a new one to record the result.
 */
public final class PgCoordinator implements ClusterCoordinator {
    private static final long POLL_MILLIS = 200;

    private final String job;
    private final String host;
    private final boolean force;
    private final RunSpec.ClusterSettings settings;
    private final Map<String, String> env;
    private final Clock clock;

    PgCoordinator(String job, String host, boolean force, RunSpec.ClusterSettings settings, Map<String, String> env, Clock clock) {
        this.job = job;
        this.host = host;
        this.force = force;
        this.settings = settings;
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    /** The coordinator for a run; connects only when {@link #claim} is called. */
    public static ClusterCoordinator create(RunSpec config, Map<String, String> env, String host) {
        return new PgCoordinator(config.job(), host, config.force(), config.cluster(), env, Clock.systemUTC());
    }

    @Override
    public Claim claim(String slot, String runId, Instant start, Duration maxWait, BooleanSupplier cancelled) throws Unavailable {
        ClusterConnector connector;
        try {
            connector = ClusterConnector.of(settings, env);
        } catch (IOException e) {
            throw new Unavailable("cannot read the cluster URL: " + e.getMessage(), e);
        }
        Connection c = null;
        try {
            c = connector.connect();
            ClusterSchema.ensure(c);
            ClusterStore store = new ClusterStore(c);
            store.stayOpenWhileIdle();
            if (!lock(store, maxWait, cancelled)) {
                String note = cancelled.getAsBoolean() ? "" : "job " + job + " is running on another node: skipping";
                store.record(job, slot, runId, host, start, Optional.of(clock.instant()), Outcome.SKIPPED_PEER.id());
                c.close();
                return new Claim(Optional.empty(), note);
            }
            Optional<ClusterStore.PeriodRow> row = store.period(job, slot);
            if (row.isPresent() && row.get().state().equals("done") && !force) {
                store.record(job, slot, runId, host, start, Optional.of(clock.instant()), Outcome.SKIPPED_PEER.id());
                c.close();
                return new Claim(Optional.empty(), "period " + slot + " was done by " + row.get().host() + " (run "
                        + row.get().runId() + "): skipping");
            }
            long runRow = store.claim(job, slot, runId, host, start);
            String note = row.isPresent() && row.get().state().equals("running")
                    ? "period " + slot + " was left running by " + row.get().host() + " (run " + row.get().runId()
                            + "), whose session has ended: running it here"
                    : "";
            return new Claim(Optional.of(new PgLease(connector, c, slot, runId, runRow)), note);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new Unavailable(connector.url().redacted() + ": " + e.getMessage(), e);
        }
    }

    /** Polls the job's lock until {@code maxWait} passed; false when it stayed busy or the run was cancelled. */
    private boolean lock(ClusterStore store, Duration maxWait, BooleanSupplier cancelled) throws SQLException {
        long until = System.nanoTime() + maxWait.toNanos();
        while (true) {
            if (store.tryLock(job)) {
                return true;
            }
            if (cancelled.getAsBoolean() || System.nanoTime() - until >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // the session is being dropped anyway: the server releases its locks
            }
        }
    }

    /** The held claim: the session that holds the job's advisory lock. */
    private final class PgLease implements Lease {
        private final ClusterConnector connector;
        private final Connection session;
        private final String slot;
        private final String runId;
        private final long runRow;

        PgLease(ClusterConnector connector, Connection session, String slot, String runId, long runRow) {
            this.connector = connector;
            this.session = session;
            this.slot = slot;
            this.runId = runId;
            this.runRow = runRow;
        }

        @Override
        public void finish(Outcome outcome, int exitCode, Instant end) throws Unavailable {
            // a local success stamp proves this node finished the period earlier (its marking was lost then)
            boolean success = outcome == Outcome.SUCCESS || outcome == Outcome.SKIPPED_DONE;
            try {
                new ClusterStore(session).finish(job, slot, runId, host, runRow, success, outcome.id(), exitCode, end);
                return;
            } catch (SQLException first) {
                // the session is gone (the lock with it): record the result on a new one
                try (Connection again = connector.connect()) {
                    new ClusterStore(again).finish(job, slot, runId, host, runRow, success, outcome.id(), exitCode, end);
                } catch (SQLException e) {
                    e.addSuppressed(first);
                    throw new Unavailable(connector.url().redacted() + ": " + e.getMessage(), e);
                }
            }
        }

        @Override
        public void close() {
            try {
                new ClusterStore(session).unlock(job);
            } catch (SQLException e) {
                // closing the session below releases it as well
            }
            closeQuietly(session);
        }
    }
}
