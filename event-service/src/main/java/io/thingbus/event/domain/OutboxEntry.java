package io.thingbus.event.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An alert record waiting to be published on the alerts topic.
 *
 * @param sequence the order in which entries were queued (and are published)
 * @param recordId the record's CloudEvents id ({@code ce_id}), the same on every attempt to publish it
 * @param key the Kafka key: the device key {@code <tenant>/<device>}
 * @param value the JSON of the {@link io.thingbus.contracts.AlertRecord}
 */
public record OutboxEntry(long sequence, UUID recordId, String key, byte[] value, TenantId tenant, DeviceId device,
        Instant time) {

    public OutboxEntry {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(time, "time");
    }
}
