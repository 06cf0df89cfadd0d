package io.thingbus.session.persistence;

import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.session.domain.CoveredDevice;
import io.thingbus.session.domain.MqttVersion;
import io.thingbus.session.domain.Session;
import io.thingbus.session.domain.SessionChanges;
import io.thingbus.session.domain.SessionKey;
import io.thingbus.session.domain.SessionStore;
import io.thingbus.session.domain.StoreUnavailableException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** {@link SessionStore} on the tables {@code sessions} and {@code subscriptions} (schema {@code session}). Thread-safe. */
@Singleton
public class JdbcSessionStore implements SessionStore {

    private static final String SESSIONS_OF = "SELECT s.client_id, s.connection_id, s.broker, s.transport, "
            + "s.protocol_version, s.token_hash, s.connected_at, b.topic_filter, b.qos, b.device_id "
            + "FROM sessions s LEFT JOIN subscriptions b ON b.tenant = s.tenant AND b.client_id = s.client_id "
            + "WHERE s.tenant = ? ORDER BY s.client_id";

    private final DataSource dataSource;

    @Inject
    public JdbcSessionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Session> sessionsOf(TenantId tenant) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SESSIONS_OF)) {
            statement.setString(1, tenant.value());
            try (ResultSet rows = statement.executeQuery()) {
                return sessionsIn(tenant, rows);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read sessions", e);
        }
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

    private static Session sessionOf(TenantId tenant, ResultSet row) throws SQLException {
        return new Session(
                SessionKey.of(tenant, row.getString(1)),
                row.getString(2),
                row.getString(3),
                Transport.fromWire(row.getString(4)).orElseThrow(),
                MqttVersion.fromWire(row.getString(5)).orElseThrow(),
                Optional.ofNullable(row.getString(6)).map(SecretHash::parse),
                row.getObject(7, OffsetDateTime.class).toInstant(),
                List.of());
    }
}
