package io.thingbus.stream.persistence;

import io.thingbus.contracts.TenantId;
import io.thingbus.stream.domain.OutboxMessage;
import io.thingbus.stream.domain.OutboxPublisher;
import io.thingbus.stream.domain.OutboxQueue;
import io.thingbus.stream.domain.StoreUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Table {@code outbox} as a queue. A drain holds a transaction-scoped PostgreSQL advisory lock, so only one relay
 * publishes at a time across instances (which keeps records in the order they were written), and deletes the
 * published rows in that same transaction. Thread-safe.
 */
@Singleton
public class JdbcOutboxQueue implements OutboxQueue {

    /** Advisory lock id of the relay: "tbstrout" as a number (other services' relays use other ids). */
    static final long RELAY_LOCK = 0x7462_7374_726f_7574L;

    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(?)";
    private static final String OLDEST = """
            SELECT id, event_id, tenant, record_key, record_value, created_at FROM outbox ORDER BY id LIMIT ?""";
    private static final String DELETE = "DELETE FROM outbox WHERE id = ANY (?)";

    private final DataSource dataSource;

    @Inject
    public JdbcOutboxQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Drained drain(int maxMessages, OutboxPublisher publisher) {
        try (Connection connection = dataSource.getConnection()) {
            return JdbcTransaction.run(connection, c -> drainLocked(c, maxMessages, publisher));
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the outbox", e);
        }
    }

    private static Drained drainLocked(Connection connection, int maxMessages, OutboxPublisher publisher)
            throws SQLException {
        if (!locked(connection)) {
            return Drained.NOTHING;
        }
        List<Row> rows = oldest(connection, maxMessages);
        if (rows.isEmpty()) {
            return Drained.NOTHING;
        }
        int published = publisher.publish(rows.stream().map(Row::message).toList());
        if (published > 0) {
            delete(connection, rows.subList(0, published));
        }
        return new Drained(rows.size(), published);
    }

    private static boolean locked(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static List<Row> oldest(Connection connection, int maxMessages) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OLDEST)) {
            select.setInt(1, maxMessages);
            try (ResultSet rows = select.executeQuery()) {
                List<Row> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(new Row(rows.getLong(1), new OutboxMessage(
                            rows.getObject(2, UUID.class),
                            TenantId.of(rows.getString(3)),
                            rows.getString(4),
                            rows.getBytes(5),
                            rows.getObject(6, OffsetDateTime.class).toInstant())));
                }
                return found;
            }
        }
    }

    private static void delete(Connection connection, List<Row> rows) throws SQLException {
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setArray(1, connection.createArrayOf("bigint", ids));
            delete.executeUpdate();
        }
    }

    private record Row(long id, OutboxMessage message) {
    }
}
