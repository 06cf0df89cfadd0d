package io.thingbus.stream.domain;

import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One channel record waiting in the outbox to be published on the channels topic.
 *
 * @param id the record's CloudEvents id ({@code ce_id}); the same when the record is sent again after a failure
 * @param key the record key ({@code <tenant>/<channel id>})
 * @param value the JSON value, or null for a tombstone (the channel was deleted)
 * @param time when the change happened ({@code ce_time})
 */
public record OutboxMessage(UUID id, TenantId tenant, String key, byte[] value, Instant time) {

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
    }

    public boolean isTombstone() {
        return value == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxMessage other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutboxMessage[" + id + " " + key + (isTombstone() ? " tombstone" : "") + "]";
    }
}
