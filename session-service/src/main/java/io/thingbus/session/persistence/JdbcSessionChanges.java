package io.thingbus.session.persistence;

import io.thingbus.contracts.DeviceId;
import io.thingbus.session.domain.CoveredDevice;
import io.thingbus.session.domain.Session;
import io.thingbus.session.domain.SessionChanges;
import io.thingbus.session.domain.SessionKey;
import io.thingbus.session.domain.StoreUnavailableException;
import io.thingbus.session.domain.Subdevice;
import io.thingbus.session.domain.Subscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The changes of one transaction, on its connection. Not thread-safe; lives for one {@code inTransaction} call. */
final class JdbcSessionChanges implements SessionChanges {

    private static final String CURRENT = "SELECT connection_id FROM sessions WHERE tenant = ? AND client_id = ?";
    private static final String DROP_SUBSCRIPTIONS = "DELETE FROM subscriptions WHERE tenant = ? AND client_id = ?";
    private static final String UPSERT_SESSION = "INSERT INTO sessions (tenant, client_id, connection_id, broker, "
            + "transport, protocol_version, token_hash, connected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (tenant, client_id) DO UPDATE SET connection_id = EXCLUDED.connection_id, "
            + "broker = EXCLUDED.broker, transport = EXCLUDED.transport, "
            + "protocol_version = EXCLUDED.protocol_version, token_hash = EXCLUDED.token_hash, "
            + "connected_at = EXCLUDED.connected_at";
    private static final String DELETE_SESSION = "DELETE FROM sessions WHERE tenant = ? AND client_id = ?";
    private static final String UPSERT_SUBSCRIPTION = "INSERT INTO subscriptions (tenant, client_id, topic_filter, "
            + "qos, device_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant, client_id, topic_filter) "
            + "DO UPDATE SET qos = EXCLUDED.qos, device_id = EXCLUDED.device_id";
    private static final String DELETE_SUBSCRIPTION =
            "DELETE FROM subscriptions WHERE tenant = ? AND client_id = ? AND topic_filter = ?";
    private static final String DROP_SUBDEVICES = "DELETE FROM subdevices WHERE tenant = ? AND client_id = ?";
    /**
     * The same device announced again keeps its since (same connection) and a known type; announced for another owner
     * (claimed meanwhile) it is that owner's new connection: every column is replaced. SET reads the old row.
     */
    private static final String UPSERT_SUBDEVICE = "INSERT INTO subdevices (tenant, client_id, device_id, "
            + "connection_id, device_type, gateway_id, connected_at, device_tenant) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (tenant, client_id, device_id) DO UPDATE SET "
            + "device_type = CASE WHEN subdevices.device_tenant = EXCLUDED.device_tenant "
            + "THEN COALESCE(EXCLUDED.device_type, subdevices.device_type) ELSE EXCLUDED.device_type END, "
            + "gateway_id = EXCLUDED.gateway_id, "
            + "connected_at = CASE WHEN subdevices.connection_id = EXCLUDED.connection_id "
            + "AND subdevices.device_tenant = EXCLUDED.device_tenant "
            + "THEN subdevices.connected_at ELSE EXCLUDED.connected_at END, "
            + "connection_id = EXCLUDED.connection_id, "
            + "device_tenant = EXCLUDED.device_tenant";
    private static final String DELETE_SUBDEVICE =
            "DELETE FROM subdevices WHERE tenant = ? AND client_id = ? AND device_id = ?";

    private final Connection connection;

    JdbcSessionChanges(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<String> currentConnection(SessionKey key) {
        try (PreparedStatement statement = keyed(CURRENT, key); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void open(Session session) {
        try (PreparedStatement drop = keyed(DROP_SUBSCRIPTIONS, session.key());
             PreparedStatement dropSubdevices = keyed(DROP_SUBDEVICES, session.key());
             PreparedStatement upsert = keyed(UPSERT_SESSION, session.key())) {
            drop.executeUpdate();
            dropSubdevices.executeUpdate();
            upsert.setString(3, session.connectionId());
            upsert.setString(4, session.broker());
            upsert.setString(5, session.transport().wireName());
            upsert.setString(6, session.protocolVersion().wireName());
            upsert.setString(7, session.tokenHash().map(h -> h.value()).orElse(null));
            upsert.setObject(8, OffsetDateTime.ofInstant(session.connectedAt(), ZoneOffset.UTC));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void close(SessionKey key) {
        try (PreparedStatement statement = keyed(DELETE_SESSION, key)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void subscribe(SessionKey key, List<Subscription> subscriptions) {
        try (PreparedStatement statement = keyed(UPSERT_SUBSCRIPTION, key)) {
            for (Subscription subscription : subscriptions) {
                statement.setString(3, subscription.filter());
                statement.setInt(4, subscription.qos());
                statement.setString(5, subscription.device().map(CoveredDevice::value).orElse(null));
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void unsubscribe(SessionKey key, List<String> filters) {
        try (PreparedStatement statement = keyed(DELETE_SUBSCRIPTION, key)) {
            for (String filter : filters) {
                statement.setString(3, filter);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void connectSubdevice(SessionKey key, String connectionId, Subdevice subdevice) {
        try (PreparedStatement statement = keyed(UPSERT_SUBDEVICE, key)) {
            statement.setString(3, subdevice.device().value());
            statement.setString(4, connectionId);
            statement.setString(5, subdevice.deviceType().orElse(null));
            statement.setString(6, subdevice.gateway().value());
            statement.setObject(7, OffsetDateTime.ofInstant(subdevice.connectedAt(), ZoneOffset.UTC));
            statement.setString(8, subdevice.owner().value());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void disconnectSubdevice(SessionKey key, DeviceId device) {
        try (PreparedStatement statement = keyed(DELETE_SUBDEVICE, key)) {
            statement.setString(3, device.value());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private PreparedStatement keyed(String sql, SessionKey key) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, key.tenant().value());
        statement.setString(2, key.clientId());
        return statement;
    }

    private static StoreUnavailableException failed(SQLException e) {
        return new StoreUnavailableException("cannot store session changes", e);
    }
}
