package dev.jobgen.runner.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, in the schema {@code jobgen}, created on first use and versioned in
 * {@code jobgen.schema_version} (one row per applied step). Creation is serialised by an
 * advisory lock, so many nodes starting on an empty database at once create
 * it exactly once. A database newer than this build is refused rather than misread.
 *
 * <ul>
 *   <li>{@code periods}: one row per (job, period): {@code running} (claimed; a dead holder's
 *       row is taken over by the next node that gets the lock), {@code failed}, or {@code done}.
 *   <li>{@code runs}: the history: who (host, run id) ran or skipped which period, start, end,
 *       outcome and exit status, with the database's own time of the record.
 * </ul>
 */
public final class ClusterSchema {
    public static final int VERSION = 1;
    /** Key of the transaction lock that serialises schema creation ("jobgen" in ASCII, then 0). */
    private static final long SCHEMA_LOCK = 0x6a6f6267656e0000L;

    private static final List<List<String>> STEPS = List.of(List.of(
            "CREATE SCHEMA IF NOT EXISTS jobgen",
            "CREATE TABLE IF NOT EXISTS jobgen.schema_version (version integer PRIMARY KEY,"
                    + " applied_at timestamptz NOT NULL DEFAULT now())",
            "CREATE TABLE jobgen.periods (job text NOT NULL, period text NOT NULL,"
                    + " state text NOT NULL CHECK (state IN ('running', 'failed', 'done')),"
                    + " host text NOT NULL, run_id text NOT NULL, claims integer NOT NULL DEFAULT 1,"
                    + " started_at timestamptz NOT NULL, finished_at timestamptz,"
                    + " updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (job, period))",
            "CREATE TABLE jobgen.runs (id bigserial PRIMARY KEY, job text NOT NULL, period text NOT NULL,"
                    + " run_id text NOT NULL, host text NOT NULL, started_at timestamptz NOT NULL,"
                    + " ended_at timestamptz, outcome text NOT NULL, exit_code integer,"
                    + " recorded_at timestamptz NOT NULL DEFAULT now())",
            "CREATE INDEX runs_by_job ON jobgen.runs (job, id)"));

    private ClusterSchema() {}

    /** Creates or upgrades the tables when needed; returns the version found before (0: none). */
    public static int ensure(Connection c) throws SQLException {
        int found = version(c);
        if (found == VERSION) {
            return found;
        }
        if (found > VERSION) {
            throw new SQLException("the cluster store has schema version " + found + ", newer than this jobgen knows ("
                    + VERSION + "): upgrade jobgen");
        }
        // a session lock taken before the transaction: the transaction then starts after the winner's
        // commit and sees its tables (a lock taken inside would leave this session's catalog cache stale)
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + SCHEMA_LOCK + ")");
            try {
                return Transaction.run(c, () -> {
                    int before = version(c);
                    for (int v = before + 1; v <= VERSION; v++) {
                        for (String sql : STEPS.get(v - 1)) {
                            s.execute(sql);
                        }
                        s.execute("INSERT INTO jobgen.schema_version (version) VALUES (" + v + ")");
                    }
                    return before;
                });
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + SCHEMA_LOCK + ")");
            }
        }
    }

    /** The applied version, 0 when the tables do not exist yet (checked without raising an error). */
    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT to_regclass('jobgen.schema_version') IS NOT NULL")) {
            r.next();
            if (!r.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM jobgen.schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }
}
