package io.thingbus.stream.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one local transaction on a connection: commits when the work returns, rolls back when it throws
 * (an {@link SQLException} or a domain exception), and gives the connection back in auto-commit mode.
 */
final class JdbcTransaction {

    /** Work inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private JdbcTransaction() {
    }

    static <T> T run(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            restoreAutoCommit(connection);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection: the pool discards it
        }
    }
}
