package io.thingbus.session.persistence;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.session.domain.ConnectedDevice;
import io.thingbus.session.domain.CoveredDevice;
import io.thingbus.session.domain.MqttVersion;
import io.thingbus.session.domain.Session;
import io.thingbus.session.domain.SessionChanges;
import io.thingbus.session.domain.SessionKey;
import io.thingbus.session.domain.SessionStore;
import io.thingbus.session.domain.StoreUnavailableException;
import io.thingbus.session.domain.Subdevice;
import io.thingbus.session.domain.Subscription;
import io.thingbus.session.domain.Transport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * {@link SessionStore} on the tables {@code sessions}, {@code subscriptions} and {@code subdevices} (schema
 * {@code session}). A sub-device row belongs to its gateway's session ({@code tenant}, {@code client_id}) and names its
 * owner ({@code device_tenant}). Thread-safe.
 */
@Singleton
public class JdbcSessionStore implements SessionStore {

    private static final String SESSIONS_OF = "SELECT s.client_id, s.connection_id, s.broker, s.transport, "
            + "s.protocol_version, s.token_hash, s.connected_at, b.topic_filter, b.qos, b.device_id "
            + "FROM sessions s LEFT JOIN subscriptions b ON b.tenant = s.tenant AND b.client_id = s.client_id "
            + "WHERE s.tenant = ? ORDER BY s.client_id";
    /**
     * The sub-devices of the tenant's gateway sessions, whoever owns them. Only rows of the session's current
     * connection: a sub-device never outlives its gateway's connection.
     */
    private static final String SUBDEVICES_OF = "SELECT d.client_id, d.device_tenant, d.device_id, d.device_type, "
            + "d.gateway_id, d.connected_at FROM subdevices d JOIN sessions s ON s.tenant = d.tenant "
            + "AND s.client_id = d.client_id AND s.connection_id = d.connection_id WHERE d.tenant = ?";
    /** The owner's sub-devices, whoever's gateway session carries them; again only current connections. */
    private static final String CONNECTED_DEVICES_OF = "SELECT d.device_tenant, d.device_id, d.device_type, "
            + "d.gateway_id, d.connected_at, d.tenant, d.client_id, s.broker FROM subdevices d JOIN sessions s "
            + "ON s.tenant = d.tenant AND s.client_id = d.client_id AND s.connection_id = d.connection_id "
            + "WHERE d.device_tenant = ?";

    private final DataSource dataSource;

    @Inject
    public JdbcSessionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Session> sessionsOf(TenantId tenant) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                List<Session> sessions = query(connection, SESSIONS_OF, tenant, rows -> sessionsIn(tenant, rows));
                Map<String, List<Subdevice>> subdevices = query(connection, SUBDEVICES_OF, tenant,
                        JdbcSessionStore::subdevicesIn);
                return sessions.stream()
                        .map(s -> s.withSubdevices(subdevices.getOrDefault(s.key().clientId(), List.of())))
                        .toList();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read sessions", e);
        }
    }

    @Override
    public List<ConnectedDevice> connectedDevicesOf(TenantId owner) {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, CONNECTED_DEVICES_OF, owner, JdbcSessionStore::connectedDevicesIn);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read connected devices", e);
        }
    }

    /** Reads rows of one tenant; one snapshot when called inside a repeatable-read transaction. */
    private static <T> T query(Connection connection, String sql, TenantId tenant, RowsReader<T> reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant.value());
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        }
    }

    @FunctionalInterface
    private interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    @Override
    public void inTransaction(Consumer<SessionChanges> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.accept(new JdbcSessionChanges(connection));
                connection.commit();
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot store session changes", e);
        }
    }

    private static List<Session> sessionsIn(TenantId tenant, ResultSet rows) throws SQLException {
        Map<String, Session> sessions = new LinkedHashMap<>();
        Map<String, List<Subscription>> subscriptions = new LinkedHashMap<>();
        while (rows.next()) {
            String clientId = rows.getString(1);
            if (!sessions.containsKey(clientId)) {
                sessions.put(clientId, sessionOf(tenant, rows));
                subscriptions.put(clientId, new ArrayList<>());
            }
            String filter = rows.getString(8);
            if (filter != null) {
                subscriptions.get(clientId).add(new Subscription(filter, rows.getInt(9),
                        Optional.ofNullable(rows.getString(10)).map(CoveredDevice::of)));
            }
        }
        return sessions.values().stream()
                .map(s -> s.withSubscriptions(subscriptions.get(s.key().clientId())))
                .toList();
    }

    private static Map<String, List<Subdevice>> subdevicesIn(ResultSet rows) throws SQLException {
        Map<String, List<Subdevice>> subdevices = new HashMap<>();
        while (rows.next()) {
            subdevices.computeIfAbsent(rows.getString(1), clientId -> new ArrayList<>()).add(subdeviceAt(rows, 2));
        }
        return subdevices;
    }

    private static List<ConnectedDevice> connectedDevicesIn(ResultSet rows) throws SQLException {
        List<ConnectedDevice> devices = new ArrayList<>();
        while (rows.next()) {
            devices.add(new ConnectedDevice(subdeviceAt(rows, 1),
                    SessionKey.of(TenantId.of(rows.getString(6)), rows.getString(7)), rows.getString(8)));
        }
        return devices;
    }

    /** A sub-device from its five columns (device_tenant, device_id, device_type, gateway_id, connected_at). */
    private static Subdevice subdeviceAt(ResultSet row, int first) throws SQLException {
        return new Subdevice(TenantId.of(row.getString(first)), DeviceId.of(row.getString(first + 1)),
                Optional.ofNullable(row.getString(first + 2)), DeviceId.of(row.getString(first + 3)),
                row.getObject(first + 4, OffsetDateTime.class).toInstant());
    }

    private static Session sessionOf(TenantId tenant, ResultSet row) throws SQLException {
        return new Session(
                SessionKey.of(tenant, row.getString(1)),
                row.getString(2),
                row.getString(3),
                Transport.fromWire(row.getString(4)).orElseThrow(),
                MqttVersion.fromWire(row.getString(5)).orElseThrow(),
                Optional.ofNullable(row.getString(6)).map(SecretHash::parse),
                row.getObject(7, OffsetDateTime.class).toInstant(),
                List.of(),
                List.of());
    }
}
