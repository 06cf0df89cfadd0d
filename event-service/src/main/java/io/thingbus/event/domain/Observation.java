package io.thingbus.event.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One telemetry point as the rules see it: whose, the device that sent it, the channel it belongs to (see
 * {@link TelemetryRoutes}), which tag, when, its numeric fields, and where it was read.
 *
 * @param tag the point's tag, empty when it has none
 */
public record Observation(TenantId tenant, DeviceId device, ChannelId channel, Optional<String> tag, Instant time,
        PointFields fields, StreamPosition position) {

    public Observation {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(position, "position");
    }
}
