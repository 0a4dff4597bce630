package dev.jobgen.runner.cluster;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs statements on an autocommit session as one transaction: all commit, or none does. */
final class Transaction {
    private Transaction() {}

    /** The statements of one transaction. */
    interface Work<T> {
        T run() throws SQLException;
    }

    static <T> T run(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
