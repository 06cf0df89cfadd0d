package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;

/** A channel: the time-series storage of one device of one tenant, created when its first point arrives. */
public record Channel(TenantId tenant, ChannelId id, DeviceId device, Instant createdAt) {

    public Channel {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
