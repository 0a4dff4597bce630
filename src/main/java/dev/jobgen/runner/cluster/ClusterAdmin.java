package dev.jobgen.runner.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** What the CLI does with the cluster store outside a run: create the schema, read the history. */
public final class ClusterAdmin {
    private final ClusterConnector connector;

    public ClusterAdmin(ClusterConnector connector) {
        this.connector = connector;
    }

    /** Creates or upgrades the schema; returns the version found before (0: none). */
    public int init() throws SQLException {
        try (Connection c = connector.connect()) {
            return ClusterSchema.ensure(c);
        }
    }

    /** The newest {@code limit} history rows of {@code job} (all when 0), oldest first; empty when no schema yet. */
    public List<ClusterRun> history(String job, int limit) throws SQLException {
        try (Connection c = connector.connect()) {
            if (ClusterSchema.version(c) == 0) {
                return List.of();
            }
            return new ClusterStore(c).history(job, limit);
        }
    }
}
