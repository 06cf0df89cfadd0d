package io.thingbus.command.persistence;

import io.thingbus.command.domain.GatewayRoute;
import io.thingbus.command.domain.NewRpc;
import io.thingbus.command.domain.Rpc;
import io.thingbus.command.domain.RpcKey;
import io.thingbus.command.domain.RpcStatus;
import io.thingbus.command.domain.RpcStore;
import io.thingbus.command.domain.StoreUnavailableException;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link RpcStore} on the tables {@code rpcs} and {@code rpc_sequences} (one row per device id, shared by all
 * tenants). Thread-safe.
 */
@Singleton
public class JdbcRpcStore implements RpcStore {

    private static final String COLUMNS = "tenant, device_id, rpc_id, method, params, one_way, timeout_ms, status, "
            + "created_at, expires_at, gateway_id, client_id, sent_at, reply_by, response, responded_at, completed_at";
    private static final String KEY = " WHERE tenant = ? AND device_id = ? AND rpc_id = ?";
    /** One sequence per device id, shared by all tenants (see {@link RpcStore#create}). */
    private static final String NEXT_ID = "INSERT INTO rpc_sequences (device_id, last_id) VALUES (?, 1) "
            + "ON CONFLICT (device_id) DO UPDATE SET last_id = rpc_sequences.last_id + 1 RETURNING last_id";
    private static final String INSERT = "INSERT INTO rpcs (tenant, device_id, rpc_id, method, params, one_way, "
            + "timeout_ms, status, created_at, expires_at, claimed_until) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)";
    private static final String FIND = "SELECT " + COLUMNS + " FROM rpcs" + KEY;
    private static final String MARK_DISPATCHING = "UPDATE rpcs SET dispatched_to = ?" + KEY
            + " AND sent_at IS NULL";
    private static final String MARK_SENT = "UPDATE rpcs SET client_id = ?, gateway_id = ?, sent_at = ?, "
            + "reply_by = CASE WHEN status = 'queued' THEN ? ELSE reply_by END, "
            + "completed_at = CASE WHEN status = 'queued' AND one_way THEN ? ELSE completed_at END, "
            + "status = CASE WHEN status = 'queued' THEN 'sent' ELSE status END, claimed_until = NULL"
            + KEY + " AND sent_at IS NULL";
    private static final String RELEASE = "UPDATE rpcs SET claimed_until = NULL" + KEY + " AND status = 'queued'";
    private static final String MARK_TIMED_OUT = "UPDATE rpcs SET status = 'timed_out', completed_at = ?" + KEY
            + " AND status = 'sent' AND NOT one_way";
    private static final String CLAIM = "WITH due AS (SELECT r.tenant, r.device_id, r.rpc_id FROM rpcs r "
            + "WHERE r.status = 'queued' AND r.expires_at > ? AND (r.claimed_until IS NULL OR r.claimed_until <= ?) "
            + "AND EXISTS (SELECT 1 " + JdbcRpcRoutes.LIVE_SUBDEVICE
            + " WHERE c.device_tenant = r.tenant AND c.device_id = r.device_id) "
            + "ORDER BY r.created_at, r.rpc_id LIMIT ? FOR UPDATE OF r SKIP LOCKED) "
            + "UPDATE rpcs SET claimed_until = ? FROM due WHERE rpcs.tenant = due.tenant "
            + "AND rpcs.device_id = due.device_id AND rpcs.rpc_id = due.rpc_id RETURNING "
            + COLUMNS.replaceAll("(\\w+)", "rpcs.$1");
    private static final String EXPIRE = "UPDATE rpcs SET status = 'expired', completed_at = ? "
            + "WHERE status = 'queued' AND expires_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)";
    private static final String TIME_OUT = "UPDATE rpcs SET status = 'timed_out', completed_at = ? "
            + "WHERE status = 'sent' AND NOT one_way AND reply_by <= ?";
    private static final String DELETE_COMPLETED = "DELETE FROM rpcs WHERE completed_at < ?";
    private static final Comparator<Rpc> OLDEST_FIRST = Comparator.comparing(Rpc::createdAt)
            .thenComparing(rpc -> rpc.key().id());

    private final DataSource dataSource;

    @Inject
    public JdbcRpcStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Rpc create(NewRpc rpc) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long id = nextId(connection, rpc.device());
                insert(connection, id, rpc);
                connection.commit();
                return new Rpc(RpcKey.of(rpc.device(), id), rpc.method(), rpc.params(), rpc.oneWay(), rpc.timeout(),
                        RpcStatus.QUEUED, rpc.createdAt(), rpc.expiresAt(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed("cannot store an RPC", e);
        }
    }

    @Override
    public Optional<Rpc> find(RpcKey key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND)) {
            setKey(statement, 1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rpcOf(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("cannot read an RPC", e);
        }
    }

    @Override
    public void markDispatching(RpcKey key, GatewayRoute route) {
        update(MARK_DISPATCHING, "cannot record the gateway of an RPC", statement -> {
            statement.setString(1, route.gatewayId().value());
            setKey(statement, 2, key);
        });
    }

    @Override
    public void markSent(RpcKey key, GatewayRoute route, Instant sentAt, Optional<Instant> replyBy) {
        update(MARK_SENT, "cannot mark an RPC sent", statement -> {
            statement.setString(1, route.clientId());
            statement.setString(2, route.gatewayId().value());
            statement.setObject(3, timestamp(sentAt));
            statement.setObject(4, replyBy.map(JdbcRpcStore::timestamp).orElse(null));
            statement.setObject(5, timestamp(sentAt));
            setKey(statement, 6, key);
        });
    }

    @Override
    public void releaseClaim(RpcKey key) {
        update(RELEASE, "cannot release an RPC", statement -> setKey(statement, 1, key));
    }

    @Override
    public boolean markTimedOut(RpcKey key, Instant now) {
        return update(MARK_TIMED_OUT, "cannot mark an RPC timed out", statement -> {
            statement.setObject(1, timestamp(now));
            setKey(statement, 2, key);
        }) > 0;
    }

    @Override
    public List<Rpc> claimDispatchable(Instant now, Instant claimUntil, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            statement.setObject(1, timestamp(now));
            statement.setObject(2, timestamp(now));
            statement.setInt(3, limit);
            statement.setObject(4, timestamp(claimUntil));
            List<Rpc> claimed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(rpcOf(rows));
                }
            }
            claimed.sort(OLDEST_FIRST);
            return claimed;
        } catch (SQLException e) {
            throw failed("cannot claim queued RPCs", e);
        }
    }

    @Override
    public int expireQueued(Instant now) {
        return update(EXPIRE, "cannot expire RPCs", statement -> {
            statement.setObject(1, timestamp(now));
            statement.setObject(2, timestamp(now));
            statement.setObject(3, timestamp(now));
        });
    }

    @Override
    public int timeOutOverdue(Instant now) {
        return update(TIME_OUT, "cannot time out RPCs", statement -> {
            statement.setObject(1, timestamp(now));
            statement.setObject(2, timestamp(now));
        });
    }

    @Override
    public int deleteCompletedBefore(Instant cutoff) {
        return update(DELETE_COMPLETED, "cannot delete finished RPCs",
                statement -> statement.setObject(1, timestamp(cutoff)));
    }

    private static long nextId(Connection connection, DeviceKey device) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(NEXT_ID)) {
            statement.setString(1, device.device().value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void insert(Connection connection, long id, NewRpc rpc) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            setKey(statement, 1, RpcKey.of(rpc.device(), id));
            statement.setString(4, rpc.method());
            statement.setString(5, JsonText.write(rpc.params()));
            statement.setBoolean(6, rpc.oneWay());
            statement.setLong(7, rpc.timeout().toMillis());
            statement.setObject(8, timestamp(rpc.createdAt()));
            statement.setObject(9, timestamp(rpc.expiresAt()));
            statement.setObject(10, rpc.claimedUntil().map(JdbcRpcStore::timestamp).orElse(null));
            statement.executeUpdate();
        }
    }

    private int update(String sql, String failure, StatementSetup setup) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            setup.apply(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(failure, e);
        }
    }

    @FunctionalInterface
    private interface StatementSetup {
        void apply(PreparedStatement statement) throws SQLException;
    }

    private static void setKey(PreparedStatement statement, int first, RpcKey key) throws SQLException {
        statement.setString(first, key.device().tenant().value());
        statement.setString(first + 1, key.device().device().value());
        statement.setLong(first + 2, key.id());
    }

    private static Rpc rpcOf(ResultSet row) throws SQLException {
        RpcKey key = RpcKey.of(DeviceKey.of(TenantId.of(row.getString("tenant")),
                DeviceId.of(row.getString("device_id"))), row.getLong("rpc_id"));
        String clientId = row.getString("client_id");
        String gatewayId = row.getString("gateway_id");
        Optional<GatewayRoute> route = clientId == null || gatewayId == null
                ? Optional.empty() : Optional.of(new GatewayRoute(clientId, DeviceId.of(gatewayId)));
        return new Rpc(key, row.getString("method"), JsonText.read(row.getString("params")),
                row.getBoolean("one_way"), Duration.ofMillis(row.getLong("timeout_ms")),
                RpcStatus.fromWire(row.getString("status")).orElseThrow(),
                instant(row, "created_at").orElseThrow(), instant(row, "expires_at").orElseThrow(), route,
                instant(row, "sent_at"), instant(row, "reply_by"),
                Optional.ofNullable(row.getString("response")).map(JsonText::read), instant(row, "responded_at"),
                instant(row, "completed_at"));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static StoreUnavailableException failed(String what, SQLException e) {
        return new StoreUnavailableException(what, e);
    }
}
