package io.thingbus.device.persistence;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.SubdeviceLink;
import io.thingbus.device.domain.SubdeviceLinks;
import java.time.Instant;

/**
 * Sub-device links in table {@code subdevice_links}, keyed by the device (user_id, device_id), with the gateway session
 * that carries it (gateway_user_id, gateway_client_id, connection_id); each write is one atomic statement.
 */
final class JdbcSubdeviceLinks implements SubdeviceLinks {

    private final Sql sql;

    JdbcSubdeviceLinks(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean connect(DeviceKey device, SubdeviceLink link) {
        return sql.update("INSERT INTO subdevice_links (user_id, device_id, gateway_user_id, gateway_id, "
                        + "gateway_client_id, connection_id, connected, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (user_id, device_id) DO UPDATE SET gateway_user_id = EXCLUDED.gateway_user_id, "
                        + "gateway_id = EXCLUDED.gateway_id, gateway_client_id = EXCLUDED.gateway_client_id, "
                        + "connection_id = EXCLUDED.connection_id, connected = EXCLUDED.connected, "
                        + "last_seen_at = EXCLUDED.last_seen_at "
                        + "WHERE subdevice_links.last_seen_at <= EXCLUDED.last_seen_at",
                device.tenant().value(), device.device().value(), link.gatewayTenant().value(),
                link.gatewayId().value(), link.gatewayClientId(), link.connectionId(), link.connected(),
                link.lastSeenAt()) == 1;
    }

    @Override
    public boolean disconnect(DeviceKey device, TenantId gatewayTenant, String gatewayClientId, Instant at) {
        return sql.update("UPDATE subdevice_links SET connected = FALSE, last_seen_at = ? "
                        + "WHERE user_id = ? AND device_id = ? AND gateway_user_id = ? AND gateway_client_id = ? "
                        + "AND last_seen_at <= ?",
                at, device.tenant().value(), device.device().value(), gatewayTenant.value(), gatewayClientId,
                at) == 1;
    }

    @Override
    public int disconnectSession(TenantId gatewayTenant, String gatewayClientId, String connectionId, Instant at) {
        return sql.update("UPDATE subdevice_links SET connected = FALSE, last_seen_at = GREATEST(last_seen_at, ?) "
                        + "WHERE gateway_user_id = ? AND gateway_client_id = ? AND connection_id = ? AND connected",
                at, gatewayTenant.value(), gatewayClientId, connectionId);
    }
}
