package io.thingbus.event.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One telemetry record as read from Kafka, before it is placed in a channel: whose, which tag, when, its numeric
 * fields, and where it was read.
 *
 * @param tag the point's tag, empty when it has none
 */
public record Reading(TenantId tenant, DeviceId device, Optional<String> tag, Instant time, PointFields fields,
        StreamPosition position) {

    public Reading {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(position, "position");
    }

    public DeviceKey deviceKey() {
        return DeviceKey.of(tenant, device);
    }

    /** This reading as a point of {@code channel}, the channel its device's telemetry goes to. */
    public Observation in(ChannelId channel) {
        return new Observation(tenant, device, channel, tag, time, fields, position);
    }
}
