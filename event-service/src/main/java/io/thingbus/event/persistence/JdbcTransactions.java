package io.thingbus.event.persistence;

import io.thingbus.event.domain.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain JDBC transactions on a pooled connection: commit when the work returns, roll back when it throws. A database
 * failure becomes {@link StoreUnavailableException}; other exceptions (the domain's refusals) pass through after the
 * rollback. Thread-safe.
 */
final class JdbcTransactions {

    private final DataSource dataSource;

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T run(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            return runOn(connection, work);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot " + what + ": " + firstLine(e), e);
        }
    }

    private static <T> T runOn(Connection connection, SqlWork<T> work) throws SQLException {
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (RuntimeException | Error | SQLException e) {
            rollBack(connection, e);
            throw e;
        }
    }

    private static void rollBack(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    /** The first line of the database's message: no statement text, no stack trace. */
    private static String firstLine(SQLException failure) {
        SQLException specific = failure.getNextException() != null ? failure.getNextException() : failure;
        String message = specific.getMessage() == null ? "database failure" : specific.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
