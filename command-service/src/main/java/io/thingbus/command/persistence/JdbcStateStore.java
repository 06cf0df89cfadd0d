package io.thingbus.command.persistence;

import io.thingbus.command.domain.StateChanges;
import io.thingbus.command.domain.StateStore;
import io.thingbus.command.domain.StoreUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** {@link StateStore} on the tables {@code devices}, {@code sessions}, {@code downlink_subscriptions}. Thread-safe. */
@Singleton
public class JdbcStateStore implements StateStore {

    private final DataSource dataSource;

    @Inject
    public JdbcStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void inTransaction(Consumer<StateChanges> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.accept(new JdbcStateChanges(connection));
                connection.commit();
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot store state changes", e);
        }
    }
}
