package io.thingbus.event.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One telemetry point as the rules see it: whose, which tag, when, its numeric fields, and where it was read.
 *
 * @param tag the point's tag, empty when it has none
 */
public record Observation(TenantId tenant, DeviceId device, Optional<String> tag, Instant time, PointFields fields,
        StreamPosition position) {

    public Observation {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(position, "position");
    }

    /** The device's default channel, where the point is stored. */
    public ChannelId channel() {
        return ChannelId.defaultFor(tenant, device);
    }
}
