package io.thingbus.device.domain;

import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One Kafka record waiting in the outbox: its topic, key and value, and the CloudEvents metadata it is sent with.
 *
 * @param id the record's CloudEvents id; stays the same when the record is sent again after a failure
 * @param value the JSON value, or null for a tombstone
 * @param type the record type ({@code ce_type}), also on tombstones
 * @param device the id of the device the record is about ({@code ce_subject}, {@code tb_device}), or empty
 * @param time when the change happened ({@code ce_time})
 */
public record OutboxMessage(
        UUID id,
        String topic,
        String key,
        byte[] value,
        String type,
        TenantId tenant,
        Optional<String> device,
        Instant time) {

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
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
        return "OutboxMessage[" + id + " " + type + (isTombstone() ? " tombstone" : "") + " to " + topic + "]";
    }
}
