package io.thingbus.device.domain;

import io.thingbus.contracts.TenantId;
import java.util.Objects;

/**
 * One MQTT connection of a gateway session: the session's owner and client id (a client id is unique only within its
 * tenant) and the broker's id of the connection, unique per connection — a reconnect gets a new one.
 *
 * @param tenant the gateway's owner (the tenant of its MQTT session)
 * @param clientId the gateway's MQTT client id
 * @param connectionId the broker's id of this connection
 */
public record GatewayConnection(TenantId tenant, String clientId, String connectionId) {

    public GatewayConnection {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(connectionId, "connectionId");
    }
}
