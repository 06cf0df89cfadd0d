package io.thingbus.command.domain;

import io.thingbus.contracts.TenantId;
import java.util.Objects;

/** Which session: a tenant's MQTT client id (at most one live session at a time). */
public record SessionKey(TenantId tenant, String clientId) {

    /** @throws IllegalArgumentException when the client id is empty or contains NUL */
    public SessionKey {
        Objects.requireNonNull(tenant, "tenant");
        Text.require(clientId, "client_id");
    }
}
