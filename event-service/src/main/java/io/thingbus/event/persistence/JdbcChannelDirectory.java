package io.thingbus.event.persistence;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import io.thingbus.event.domain.ChannelChange;
import io.thingbus.event.domain.ChannelDirectory;
import io.thingbus.event.domain.ChannelRef;
import io.thingbus.event.domain.DeviceChange;
import io.thingbus.event.domain.TelemetryRoutes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@link ChannelDirectory} on tables {@code devices} (the registry) and {@code channels} (stream-service's channels).
 * {@code devices.routed_at} records when a device started writing where it writes now: it is set when the device is
 * registered or its entry names another channel, and when the channel its entry names (other than its default
 * channel) is created or deleted. Thread-safe.
 */
@Singleton
public class JdbcChannelDirectory implements ChannelDirectory {

    private static final String FIND = """
            SELECT device_id FROM (
                SELECT device_id, 1 AS rank FROM channels WHERE tenant = ? AND channel_id = ?
                UNION ALL
                SELECT device_id, 2 AS rank FROM devices WHERE tenant = ? AND default_channel_id = ?) known
             ORDER BY rank, device_id LIMIT 1""";
    private static final String ASSIGNED = """
            SELECT d.tenant, d.device_id, d.channel_id
              FROM devices d JOIN channels c ON c.tenant = d.tenant AND c.channel_id = d.channel_id
             WHERE (d.tenant, d.device_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))""";
    private static final String UPSERT_DEVICE = """
            INSERT INTO devices (tenant, device_id, channel_id, default_channel_id, routed_at, updated_at)
            VALUES (?, ?, ?, ?, now(), now())
            ON CONFLICT (tenant, device_id) DO UPDATE SET channel_id = excluded.channel_id,
                routed_at = CASE WHEN devices.channel_id = excluded.channel_id THEN devices.routed_at
                                 ELSE excluded.routed_at END,
                updated_at = excluded.updated_at""";
    private static final String REMOVE_DEVICE = "DELETE FROM devices WHERE tenant = ? AND device_id = ?";
    private static final String EXISTS_CHANNEL =
            "SELECT 1 FROM channels WHERE tenant = ? AND channel_id = ? FOR UPDATE";
    private static final String UPSERT_CHANNEL = """
            INSERT INTO channels (tenant, channel_id, device_id, updated_at) VALUES (?, ?, ?, now())
            ON CONFLICT (tenant, channel_id) DO UPDATE SET device_id = excluded.device_id,
                updated_at = excluded.updated_at""";
    private static final String DELETE_CHANNEL = "DELETE FROM channels WHERE tenant = ? AND channel_id = ?";
    private static final String REROUTED = """
            UPDATE devices SET routed_at = now()
             WHERE tenant = ? AND channel_id = ? AND channel_id <> default_channel_id""";
    /** Locks the rules to change in id order, as the evaluation does, so the two never deadlock. */
    private static final String RULE_DEVICES = """
            WITH changed AS (SELECT * FROM unnest(?::text[], ?::text[], ?::text[]) AS n(tenant, channel_id, device_id)),
                 locked AS (SELECT r.event_id, c.device_id FROM rules r
                              JOIN changed c ON c.tenant = r.tenant AND c.channel_id = r.channel_id
                             WHERE r.device_id <> c.device_id ORDER BY r.event_id FOR UPDATE OF r)
            UPDATE rules r SET device_id = l.device_id FROM locked l WHERE r.event_id = l.event_id""";

    private final JdbcTransactions transactions;

    @Inject
    public JdbcChannelDirectory(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public Optional<DeviceId> deviceOf(TenantId tenant, ChannelId channel) {
        return transactions.run("read channels", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setString(1, tenant.value());
                statement.setString(2, channel.value());
                statement.setString(3, tenant.value());
                statement.setString(4, channel.value());
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(DeviceId.of(rows.getString(1))) : Optional.<DeviceId>empty();
                }
            }
        });
    }

    @Override
    public TelemetryRoutes routes(Set<DeviceKey> devices) {
        if (devices.isEmpty()) {
            return new TelemetryRoutes(Map.of());
        }
        return transactions.run("read device routes", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ASSIGNED)) {
                statement.setArray(1, connection.createArrayOf("text",
                        devices.stream().map(d -> d.tenant().value()).toArray()));
                statement.setArray(2, connection.createArrayOf("text",
                        devices.stream().map(d -> d.device().value()).toArray()));
                return new TelemetryRoutes(assigned(statement));
            }
        });
    }

    @Override
    public void applyDevices(List<DeviceChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        transactions.run("store devices", connection -> {
            for (DeviceChange change : changes) {
                apply(connection, change);
            }
            return changes.size();
        });
    }

    @Override
    public void applyChannels(List<ChannelChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        transactions.run("store channels", connection -> {
            Map<ChannelRef, DeviceId> announced = new LinkedHashMap<>();
            for (ChannelChange change : changes) {
                apply(connection, change);
                if (change instanceof ChannelChange.Announced channel) {
                    announced.put(new ChannelRef(channel.tenant(), channel.channel()), channel.device());
                }
            }
            updateRuleDevices(connection, announced);
            return changes.size();
        });
    }

    private static Map<DeviceKey, ChannelId> assigned(PreparedStatement statement) throws SQLException {
        Map<DeviceKey, ChannelId> assigned = new HashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                assigned.put(DeviceKey.of(TenantId.of(rows.getString(1)), DeviceId.of(rows.getString(2))),
                        ChannelId.of(rows.getString(3)));
            }
        }
        return assigned;
    }

    private static void apply(Connection connection, DeviceChange change) throws SQLException {
        if (change instanceof DeviceChange.Registered registered) {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT_DEVICE)) {
                upsert.setString(1, registered.tenant().value());
                upsert.setString(2, registered.device().value());
                upsert.setString(3, registered.channel().value());
                upsert.setString(4, ChannelId.defaultFor(registered.tenant(), registered.device()).value());
                upsert.executeUpdate();
            }
        } else {
            execute(connection, REMOVE_DEVICE, change.tenant().value(), change.device().value());
        }
    }

    /** Stores the change; when the channel appears or disappears, the devices naming it start writing elsewhere. */
    private static void apply(Connection connection, ChannelChange change) throws SQLException {
        String tenant = change.tenant().value();
        String channel = change.channel().value();
        boolean existed = exists(connection, tenant, channel);
        if (change instanceof ChannelChange.Announced announced) {
            execute(connection, UPSERT_CHANNEL, tenant, channel, announced.device().value());
        } else {
            execute(connection, DELETE_CHANNEL, tenant, channel);
        }
        boolean exists = change instanceof ChannelChange.Announced;
        if (exists != existed) {
            execute(connection, REROUTED, tenant, channel);
        }
    }

    private static boolean exists(Connection connection, String tenant, String channel) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EXISTS_CHANNEL)) {
            statement.setString(1, tenant);
            statement.setString(2, channel);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void updateRuleDevices(Connection connection, Map<ChannelRef, DeviceId> announced)
            throws SQLException {
        if (announced.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(RULE_DEVICES)) {
            statement.setArray(1, connection.createArrayOf("text",
                    announced.keySet().stream().map(c -> c.tenant().value()).toArray()));
            statement.setArray(2, connection.createArrayOf("text",
                    announced.keySet().stream().map(c -> c.channel().value()).toArray()));
            statement.setArray(3, connection.createArrayOf("text",
                    announced.values().stream().map(DeviceId::value).toArray()));
            statement.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
