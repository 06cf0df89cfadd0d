package io.thingbus.event.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored rule ("event"): the user's definition, the device its channel belongs to, the secret its webhooks are
 * signed with, and a version that every change increments (the ETag).
 */
public record Rule(EventId id, TenantId tenant, DeviceId device, RuleDefinition definition, WebhookSecret secret,
        long version, Instant createdAt, Instant updatedAt) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
