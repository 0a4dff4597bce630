package dev.jobgen.runner.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the claim protocol on one session (see {@link ClusterSchema} for the tables). The
 * job's lock is a session-level advisory lock keyed by a 64-bit hash of the job name, so it is
 * released by the server when the session ends, however the holder died.
 */
final class ClusterStore {
    private final Connection c;

    ClusterStore(Connection c) {
        this.c = c;
    }

    /** A row of {@code jobgen.periods}. */
    record PeriodRow(String state, String host, String runId) {}

    /** The advisory lock key of a job: the first 8 bytes of SHA-256("jobgen-cluster:" + job). */
    static long lockKey(String job) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("jobgen-cluster:" + job).getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (h[i] & 0xff);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keeps this session (and so the lock) alive however long the command runs, should the server
     * set {@code idle_session_timeout} (PostgreSQL 14 and later; older servers lack the setting).
     */
    void stayOpenWhileIdle() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT set_config('idle_session_timeout', '0', false)"
                    + " WHERE current_setting('server_version_num')::int >= 140000");
        }
    }

    boolean tryLock(String job) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            p.setLong(1, lockKey(job));
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    void unlock(String job) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            p.setLong(1, lockKey(job));
            p.executeQuery().close();
        }
    }

    Optional<PeriodRow> period(String job, String period) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT state, host, run_id FROM jobgen.periods WHERE job = ? AND period = ?")) {
            p.setString(1, job);
            p.setString(2, period);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new PeriodRow(r.getString(1), r.getString(2), r.getString(3))) : Optional.empty();
            }
        }
    }

    /**
     * Claims the period for this run (lock held): a new row, or a taken-over {@code running} or
     * {@code failed} one (or a {@code done} one when forced); earlier runs of it still marked
     * running were lost with their session. Returns the id of the new history row.
     */
    long claim(String job, String period, String runId, String host, Instant start) throws SQLException {
        return Transaction.run(c, () -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO jobgen.periods (job, period, state, host, run_id, started_at)"
                    + " VALUES (?, ?, 'running', ?, ?, ?) ON CONFLICT (job, period) DO UPDATE SET state = 'running',"
                    + " host = excluded.host, run_id = excluded.run_id, started_at = excluded.started_at, finished_at = NULL,"
                    + " claims = jobgen.periods.claims + 1, updated_at = now()")) {
                p.setString(1, job);
                p.setString(2, period);
                p.setString(3, host);
                p.setString(4, runId);
                p.setObject(5, time(start));
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE jobgen.runs SET outcome = 'lost' WHERE job = ? AND period = ? AND outcome = 'running'")) {
                p.setString(1, job);
                p.setString(2, period);
                p.executeUpdate();
            }
            return record(job, period, runId, host, start, Optional.empty(), "running");
        });
    }

    /**
     * Ends a claim in one transaction: the period becomes {@code done} on success, else
     * {@code failed} (claimable again) unless a peer has since taken it over; the history row gets
     * its outcome.
     */
    void finish(String job, String period, String runId, String host, long runRow, boolean success, String outcome, int exitCode,
            Instant end) throws SQLException {
        Transaction.run(c, () -> {
            // success: done whoever holds the row now; failure: failed only if nobody took it over meanwhile
            try (PreparedStatement p = c.prepareStatement("UPDATE jobgen.periods SET state = ?, finished_at = ?, run_id = ?, host = ?,"
                    + " updated_at = now() WHERE job = ? AND period = ? AND state <> 'done' AND (? OR run_id = ?)")) {
                p.setString(1, success ? "done" : "failed");
                p.setObject(2, time(end));
                p.setString(3, runId);
                p.setString(4, host);
                p.setString(5, job);
                p.setString(6, period);
                p.setBoolean(7, success);
                p.setString(8, runId);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE jobgen.runs SET outcome = ?, exit_code = ?, ended_at = ? WHERE id = ?")) {
                p.setString(1, outcome);
                p.setInt(2, exitCode);
                p.setObject(3, time(end));
                p.setLong(4, runRow);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Appends a history row; returns its id. */
    long record(String job, String period, String runId, String host, Instant start, Optional<Instant> end, String outcome)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO jobgen.runs (job, period, run_id, host, started_at, ended_at,"
                + " outcome, exit_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            p.setString(1, job);
            p.setString(2, period);
            p.setString(3, runId);
            p.setString(4, host);
            p.setObject(5, time(start));
            p.setObject(6, end.isPresent() ? time(end.get()) : null);
            p.setString(7, outcome);
            if (end.isPresent()) {
                p.setInt(8, 0);
            } else {
                p.setNull(8, java.sql.Types.INTEGER);
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The newest {@code limit} history rows of a job (all when 0), oldest first. */
    List<ClusterRun> history(String job, int limit) throws SQLException {
        List<ClusterRun> runs = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT period, run_id, host, started_at, ended_at, outcome, exit_code"
                + " FROM jobgen.runs WHERE job = ? ORDER BY id DESC" + (limit > 0 ? " LIMIT " + limit : ""))) {
            p.setString(1, job);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    OffsetDateTime ended = r.getObject(5, OffsetDateTime.class);
                    int exit = r.getInt(7);
                    runs.add(new ClusterRun(job, r.getString(1), r.getString(2), r.getString(3),
                            r.getObject(4, OffsetDateTime.class).toInstant(),
                            ended == null ? Optional.empty() : Optional.of(ended.toInstant()), r.getString(6),
                            r.wasNull() ? Optional.empty() : Optional.of(exit)));
                }
            }
        }
        Collections.reverse(runs);
        return runs;
    }

    private static OffsetDateTime time(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
