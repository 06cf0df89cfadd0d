package io.thingbus.device.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/** Plain JDBC transactions on a pooled connection: commit on return, roll back on any failure. Thread-safe. */
final class JdbcTransactions {

    private final DataSource dataSource;

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T run(Function<Connection, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            return runOn(connection, work);
        } catch (SQLException e) {
            throw new StorageException("database unavailable", e);
        }
    }

    private static <T> T runOn(Connection connection, Function<Connection, T> work) throws SQLException {
        try {
            T result = work.apply(connection);
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
}
