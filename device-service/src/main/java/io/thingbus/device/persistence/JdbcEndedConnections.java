package io.thingbus.device.persistence;

import io.thingbus.device.domain.EndedConnections;
import io.thingbus.device.domain.GatewayConnection;
import java.time.Instant;

/**
 * Ended gateway connections in table {@code ended_gateway_connections}, keyed by (gateway_user_id, gateway_client_id,
 * connection_id) like the sessions of {@code subdevice_links}.
 */
final class JdbcEndedConnections implements EndedConnections {

    private final Sql sql;

    JdbcEndedConnections(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void remember(GatewayConnection connection, Instant endedAt, Instant rememberedAt) {
        sql.update("INSERT INTO ended_gateway_connections (gateway_user_id, gateway_client_id, connection_id, "
                        + "ended_at, remembered_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (gateway_user_id, gateway_client_id, connection_id) DO UPDATE SET "
                        + "remembered_at = GREATEST(ended_gateway_connections.remembered_at, EXCLUDED.remembered_at)",
                connection.tenant().value(), connection.clientId(), connection.connectionId(), endedAt, rememberedAt);
    }

    @Override
    public boolean ended(GatewayConnection connection) {
        return sql.queryOne("SELECT 1 FROM ended_gateway_connections "
                        + "WHERE gateway_user_id = ? AND gateway_client_id = ? AND connection_id = ?", row -> true,
                connection.tenant().value(), connection.clientId(), connection.connectionId()).isPresent();
    }

    @Override
    public int forgetRememberedBefore(Instant cutoff) {
        return sql.update("DELETE FROM ended_gateway_connections WHERE (gateway_user_id, gateway_client_id, "
                + "connection_id) IN (SELECT gateway_user_id, gateway_client_id, connection_id "
                + "FROM ended_gateway_connections WHERE remembered_at < ? FOR UPDATE SKIP LOCKED)", cutoff);
    }
}
