package io.thingbus.device.persistence;

import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.OutboxMessage;
import io.thingbus.device.domain.OutboxPublisher;
import io.thingbus.device.domain.OutboxQueue;
import io.thingbus.device.domain.OutboxQueue.Drained;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox table as a queue. A drain holds a transaction-scoped PostgreSQL advisory lock, so only one relay
 * publishes at a time across instances (which keeps records in commit order), and deletes the published rows in that
 * same transaction.
 */
@ApplicationScoped
public class JdbcOutboxQueue implements OutboxQueue {

    /** Advisory lock id of the relay: "tbdevout" as a number. */
    static final long RELAY_LOCK = 0x7462_6465_766f_7574L;

    private final JdbcTransactions transactions;

    public JdbcOutboxQueue(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public Drained drain(int maxMessages, OutboxPublisher publisher) {
        return transactions.run(connection -> drainLocked(new Sql(connection), maxMessages, publisher));
    }

    private static Drained drainLocked(Sql sql, int maxMessages, OutboxPublisher publisher) {
        boolean locked = sql.queryOne("SELECT pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), RELAY_LOCK)
                .orElse(false);
        if (!locked) {
            return Drained.NOTHING;
        }
        List<Row> rows = sql.query("SELECT id, event_id, topic, record_key, record_value, record_type, tenant, "
                + "device_id, created_at FROM outbox ORDER BY id LIMIT ?", JdbcOutboxQueue::read, maxMessages);
        if (rows.isEmpty()) {
            return Drained.NOTHING;
        }
        int published = publisher.publish(rows.stream().map(Row::message).toList());
        if (published > 0) {
            Long[] ids = rows.subList(0, published).stream().map(Row::id).toArray(Long[]::new);
            sql.update("DELETE FROM outbox WHERE id = ANY (?)", (Object) ids);
        }
        return new Drained(rows.size(), published);
    }

    private static Row read(ResultSet row) throws SQLException {
        OutboxMessage message = new OutboxMessage(
                row.getObject("event_id", UUID.class),
                row.getString("topic"),
                row.getString("record_key"),
                row.getBytes("record_value"),
                row.getString("record_type"),
                TenantId.of(row.getString("tenant")),
                Optional.ofNullable(row.getString("device_id")),
                Sql.instant(row, "created_at"));
        return new Row(row.getLong("id"), message);
    }

    private record Row(long id, OutboxMessage message) {
    }
}
