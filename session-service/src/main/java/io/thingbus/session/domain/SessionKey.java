package io.thingbus.session.domain;

import io.thingbus.contracts.TenantId;
import java.util.Objects;

/**
 * Which session: a tenant's MQTT client id. A client id is unique per tenant at any time (a second connection with
 * the same id takes the session over), so the pair names at most one live session.
 */
public record SessionKey(TenantId tenant, String clientId) {

    /** @throws IllegalArgumentException when the client id is empty, too long or contains NUL */
    public SessionKey {
        Objects.requireNonNull(tenant, "tenant");
        Text.require(clientId, "client_id");
    }

    public static SessionKey of(TenantId tenant, String clientId) {
        return new SessionKey(tenant, clientId);
    }
}
