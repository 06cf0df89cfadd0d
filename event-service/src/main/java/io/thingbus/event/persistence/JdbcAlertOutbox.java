package io.thingbus.event.persistence;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import io.thingbus.event.domain.AlertOutbox;
import io.thingbus.event.domain.AlertPublisher;
import io.thingbus.event.domain.OutboxEntry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link AlertOutbox} on table {@code alert_outbox}. A transaction-scoped advisory lock lets one instance drain at a
 * time, so records leave in the order they were queued; rows are deleted in the same transaction once Kafka
 * acknowledged them. Thread-safe.
 */
@Singleton
public class JdbcAlertOutbox implements AlertOutbox {

    /** The advisory lock of the alert outbox (an arbitrary constant, unique to this purpose). */
    static final long DRAIN_LOCK = 0x7468_696e_6762_7573L;

    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(?)";
    private static final String OLDEST = "SELECT id, record_id, record_key, record_value, tenant, device_id, created_at "
            + "FROM alert_outbox ORDER BY id LIMIT ?";
    private static final String DELETE = "DELETE FROM alert_outbox WHERE id = ANY (?)";

    private final JdbcTransactions transactions;

    @Inject
    public JdbcAlertOutbox(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public Drained drain(int limit, AlertPublisher publisher) {
        return transactions.run("publish alert records", connection -> {
            if (!locked(connection)) {
                return new Drained(0, 0);
            }
            List<OutboxEntry> entries = oldest(connection, limit);
            if (entries.isEmpty()) {
                return new Drained(0, 0);
            }
            int published = publisher.publish(entries);
            delete(connection, entries.subList(0, published));
            return new Drained(entries.size(), published);
        });
    }

    private static boolean locked(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TRY_LOCK)) {
            statement.setLong(1, DRAIN_LOCK);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private static List<OutboxEntry> oldest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(OLDEST)) {
            statement.setInt(1, limit);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new OutboxEntry(rows.getLong("id"), rows.getObject("record_id", UUID.class),
                            rows.getString("record_key"), rows.getBytes("record_value"),
                            TenantId.of(rows.getString("tenant")), DeviceId.of(rows.getString("device_id")),
                            SqlValues.instant(rows, "created_at")));
                }
            }
            return entries;
        }
    }

    private static void delete(Connection connection, List<OutboxEntry> published) throws SQLException {
        if (published.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(DELETE)) {
            statement.setArray(1, connection.createArrayOf("bigint",
                    published.stream().map(OutboxEntry::sequence).toArray()));
            statement.executeUpdate();
        }
    }
}
