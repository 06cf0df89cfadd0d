package io.thingbus.event.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.util.Map;
import java.util.Objects;

/**
 * Which channel a device's telemetry belongs to — the rule stream-service stores points by: the channel the device
 * registry names for the device when the tenant has that channel, otherwise the device's default channel
 * ({@link ChannelId#defaultFor}). Immutable.
 *
 * @param assigned for each device whose registry entry names a channel its tenant has: that channel. A device missing
 *        here (not registered, deleted, or naming a channel that does not exist) writes to its default channel.
 */
public record TelemetryRoutes(Map<DeviceKey, ChannelId> assigned) {

    public TelemetryRoutes {
        assigned = Map.copyOf(Objects.requireNonNull(assigned, "assigned"));
    }

    /** The channel the device's next point belongs to. */
    public ChannelId channelOf(TenantId tenant, DeviceId device) {
        ChannelId channel = assigned.get(DeviceKey.of(tenant, device));
        return channel != null ? channel : ChannelId.defaultFor(tenant, device);
    }
}
