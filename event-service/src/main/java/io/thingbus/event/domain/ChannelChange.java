package io.thingbus.event.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.util.Objects;

/** What the device registry announced about a device's channel: it exists (again), or the device was deleted. */
public sealed interface ChannelChange permits ChannelChange.Registered, ChannelChange.Removed {

    TenantId tenant();

    DeviceId device();

    /** The device exists and its default channel is {@code channel}. */
    record Registered(TenantId tenant, DeviceId device, ChannelId channel) implements ChannelChange {

        public Registered {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** The device was deleted; its channel no longer takes new rules. */
    record Removed(TenantId tenant, DeviceId device) implements ChannelChange {

        public Removed {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(device, "device");
        }
    }
}
