package io.thingbus.broker.domain;

import io.thingbus.contracts.TenantId;
import java.util.Objects;

/**
 * Who an authenticated MQTT connection is: the tenant (its MQTT user name) and the device token it authenticated
 * with (its password). Every topic the connection publishes or subscribes to is checked against this identity.
 */
public record ConnectionIdentity(TenantId tenant, DeviceToken token) {

    public ConnectionIdentity {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(token, "token");
    }
}
