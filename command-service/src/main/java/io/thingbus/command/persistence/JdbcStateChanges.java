package io.thingbus.command.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.command.domain.AnswerTarget;
import io.thingbus.command.domain.DownlinkFilter;
import io.thingbus.command.domain.KnownDevice;
import io.thingbus.command.domain.RpcKey;
import io.thingbus.command.domain.RpcStatus;
import io.thingbus.command.domain.SessionKey;
import io.thingbus.command.domain.StateChanges;
import io.thingbus.command.domain.StateOutcome;
import io.thingbus.command.domain.StoreUnavailableException;
import io.thingbus.command.domain.TrackedSession;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The changes of one transaction, on its connection. Not thread-safe; lives for one {@code inTransaction} call. */
final class JdbcStateChanges implements StateChanges {

    private static final String UPSERT_DEVICE = "INSERT INTO devices (tenant, device_id, token_hash) VALUES (?, ?, ?) "
            + "ON CONFLICT (tenant, device_id) DO UPDATE SET token_hash = EXCLUDED.token_hash";
    private static final String DELETE_DEVICE = "DELETE FROM devices WHERE tenant = ? AND device_id = ?";
    private static final String FORGET_GATEWAY = "DELETE FROM gateway_devices WHERE tenant = ? AND device_id = ?";
    private static final String CURRENT = "SELECT connection_id FROM sessions WHERE tenant = ? AND client_id = ?";
    private static final String DROP_SUBSCRIPTIONS =
            "DELETE FROM downlink_subscriptions WHERE tenant = ? AND client_id = ?";
    private static final String UPSERT_SESSION = "INSERT INTO sessions (tenant, client_id, connection_id, broker, "
            + "token_hash, connected_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant, client_id) DO UPDATE SET "
            + "connection_id = EXCLUDED.connection_id, broker = EXCLUDED.broker, token_hash = EXCLUDED.token_hash, "
            + "connected_at = EXCLUDED.connected_at";
    private static final String DELETE_SESSION = "DELETE FROM sessions WHERE tenant = ? AND client_id = ?";
    private static final String UPSERT_SUBSCRIPTION = "INSERT INTO downlink_subscriptions (tenant, client_id, "
            + "topic_filter, device_id) VALUES (?, ?, ?, ?) ON CONFLICT (tenant, client_id, topic_filter) "
            + "DO UPDATE SET device_id = EXCLUDED.device_id";
    private static final String DELETE_SUBSCRIPTION =
            "DELETE FROM downlink_subscriptions WHERE tenant = ? AND client_id = ? AND topic_filter = ?";
    private static final String DROP_SUBDEVICES =
            "DELETE FROM subdevice_connections WHERE tenant = ? AND client_id = ?";
    /** One row per gateway session and device id: a new owner replaces the old one, and starts a new connection. */
    private static final String UPSERT_SUBDEVICE = "INSERT INTO subdevice_connections (tenant, client_id, device_id, "
            + "device_tenant, connection_id, gateway_id, connected_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (tenant, client_id, device_id) DO UPDATE SET device_tenant = EXCLUDED.device_tenant, "
            + "gateway_id = EXCLUDED.gateway_id, "
            + "connected_at = CASE WHEN subdevice_connections.connection_id = EXCLUDED.connection_id "
            + "AND subdevice_connections.device_tenant = EXCLUDED.device_tenant "
            + "THEN subdevice_connections.connected_at ELSE EXCLUDED.connected_at END, "
            + "connection_id = EXCLUDED.connection_id";
    private static final String DELETE_SUBDEVICE =
            "DELETE FROM subdevice_connections WHERE tenant = ? AND client_id = ? AND device_id = ?";
    private static final String REMEMBER_GATEWAY = "INSERT INTO gateway_devices (tenant, device_id, gateway_id, "
            + "last_event_at) VALUES (?, ?, ?, ?) ON CONFLICT (tenant, device_id) DO UPDATE SET "
            + "gateway_id = EXCLUDED.gateway_id, last_event_at = EXCLUDED.last_event_at "
            + "WHERE gateway_devices.last_event_at <= EXCLUDED.last_event_at";
    /**
     * The gateway the RPC was handed to: the one of its latest attempt, or (an RPC a previous version sent) the one it
     * was sent through. Locks the row until the transaction ends.
     */
    private static final String ANSWER_TARGET = "SELECT COALESCE(dispatched_to, gateway_id), responded_at IS NOT NULL "
            + "FROM rpcs WHERE tenant = ? AND device_id = ? AND rpc_id = ? FOR UPDATE";
    private static final String RECORD_ANSWER = "UPDATE rpcs SET response = ?, responded_at = ?, "
            + "status = CASE WHEN status IN ('queued', 'sent') THEN ? ELSE status END, "
            + "completed_at = CASE WHEN status IN ('queued', 'sent') THEN ? ELSE completed_at END, "
            + "claimed_until = NULL "
            + "WHERE tenant = ? AND device_id = ? AND rpc_id = ? AND responded_at IS NULL RETURNING status";
    private static final String NOTIFY = "SELECT pg_notify('" + RpcNotifications.CHANNEL + "', ?)";

    private final Connection connection;

    JdbcStateChanges(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void putDevice(KnownDevice device) {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_DEVICE)) {
            statement.setString(1, device.key().tenant().value());
            statement.setString(2, device.key().device().value());
            statement.setString(3, device.tokenHash().map(SecretHash::value).orElse(null));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void removeDevice(DeviceKey key) {
        try (PreparedStatement device = connection.prepareStatement(DELETE_DEVICE);
             PreparedStatement gateway = connection.prepareStatement(FORGET_GATEWAY)) {
            for (PreparedStatement statement : List.of(device, gateway)) {
                statement.setString(1, key.tenant().value());
                statement.setString(2, key.device().value());
                statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
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
    public void open(TrackedSession session) {
        try (PreparedStatement drop = keyed(DROP_SUBSCRIPTIONS, session.key());
             PreparedStatement dropSubdevices = keyed(DROP_SUBDEVICES, session.key());
             PreparedStatement upsert = keyed(UPSERT_SESSION, session.key())) {
            drop.executeUpdate();
            dropSubdevices.executeUpdate();
            upsert.setString(3, session.connectionId());
            upsert.setString(4, session.broker());
            upsert.setString(5, session.tokenHash().map(SecretHash::value).orElse(null));
            upsert.setObject(6, OffsetDateTime.ofInstant(session.connectedAt(), ZoneOffset.UTC));
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
    public void subscribe(SessionKey key, List<DownlinkFilter> filters) {
        if (filters.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = keyed(UPSERT_SUBSCRIPTION, key)) {
            for (DownlinkFilter filter : filters) {
                statement.setString(3, filter.filter());
                statement.setString(4, filter.coveredDevice());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void unsubscribe(SessionKey key, List<String> filters) {
        if (filters.isEmpty()) {
            return;
        }
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
    public void connectSubdevice(SessionKey gatewaySession, String connectionId, DeviceKey device, DeviceId gateway,
            Instant at) {
        try (PreparedStatement statement = keyed(UPSERT_SUBDEVICE, gatewaySession)) {
            statement.setString(3, device.device().value());
            statement.setString(4, device.tenant().value());
            statement.setString(5, connectionId);
            statement.setString(6, gateway.value());
            statement.setObject(7, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void disconnectSubdevice(SessionKey gatewaySession, DeviceId device) {
        try (PreparedStatement statement = keyed(DELETE_SUBDEVICE, gatewaySession)) {
            statement.setString(3, device.value());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void rememberGateway(DeviceKey device, DeviceId gateway, Instant at) {
        try (PreparedStatement statement = connection.prepareStatement(REMEMBER_GATEWAY)) {
            statement.setString(1, device.tenant().value());
            statement.setString(2, device.device().value());
            statement.setString(3, gateway.value());
            statement.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Optional<AnswerTarget> answerTarget(RpcKey key) {
        try (PreparedStatement statement = connection.prepareStatement(ANSWER_TARGET)) {
            setRpcKey(statement, 1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(new AnswerTarget(key, Optional.ofNullable(rows.getString(1)).map(DeviceId::of),
                                rows.getBoolean(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public StateOutcome recordRpcAnswer(RpcKey key, JsonNode data, RpcStatus status, Instant at) {
        OffsetDateTime answeredAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        try (PreparedStatement statement = connection.prepareStatement(RECORD_ANSWER)) {
            statement.setString(1, JsonText.write(data));
            statement.setObject(2, answeredAt);
            statement.setString(3, status.wireName());
            statement.setObject(4, answeredAt);
            setRpcKey(statement, 5, key);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return StateOutcome.RPC_UNMATCHED;
                }
                notifyAnswered(key);
                return status.wireName().equals(rows.getString(1))
                        ? StateOutcome.RPC_ANSWERED : StateOutcome.RPC_ANSWERED_LATE;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void notifyAnswered(RpcKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(NOTIFY)) {
            statement.setString(1, key.asString());
            statement.execute();
        }
    }

    private static void setRpcKey(PreparedStatement statement, int first, RpcKey key) throws SQLException {
        statement.setString(first, key.device().tenant().value());
        statement.setString(first + 1, key.device().device().value());
        statement.setLong(first + 2, key.id());
    }

    private PreparedStatement keyed(String sql, SessionKey key) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, key.tenant().value());
        statement.setString(2, key.clientId());
        return statement;
    }

    private static StoreUnavailableException failed(SQLException e) {
        return new StoreUnavailableException("cannot store state changes", e);
    }
}
