package io.thingbus.device.persistence;

import io.thingbus.device.domain.OutboxListener;
import io.thingbus.device.domain.RegistryStore;
import io.thingbus.device.domain.RegistryTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import javax.sql.DataSource;

/** The registry in PostgreSQL (schema {@code device}); tells the outbox relay after each commit that wrote to it. */
@ApplicationScoped
public class JdbcRegistryStore implements RegistryStore {

    private final JdbcTransactions transactions;
    private final OutboxListener outboxListener;

    public JdbcRegistryStore(DataSource dataSource, OutboxListener outboxListener) {
        this.transactions = new JdbcTransactions(dataSource);
        this.outboxListener = outboxListener;
    }

    @Override
    public <T> T inTransaction(Function<RegistryTransaction, T> work) {
        Committed<T> committed = transactions.run(connection -> {
            JdbcRegistryTransaction transaction = new JdbcRegistryTransaction(new Sql(connection));
            T result = work.apply(transaction);
            return new Committed<>(result, transaction.appendedToOutbox());
        });
        if (committed.appendedToOutbox()) {
            outboxListener.messagesCommitted();
        }
        return committed.result();
    }

    private record Committed<T>(T result, boolean appendedToOutbox) {
    }
}
