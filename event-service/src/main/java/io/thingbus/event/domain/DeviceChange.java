package io.thingbus.event.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.util.Objects;

/**
 * What the device registry ({@code thingbus.devices.v1}) announced about a device: it exists and its entry names a
 * channel, or it was deleted.
 */
public sealed interface DeviceChange permits DeviceChange.Registered, DeviceChange.Removed {

    TenantId tenant();

    DeviceId device();

    /**
     * The device exists; its registry entry names {@code channel} as where its telemetry goes (which applies only while
     * the tenant has that channel, see {@link TelemetryRoutes}).
     */
    record Registered(TenantId tenant, DeviceId device, ChannelId channel) implements DeviceChange {

        public Registered {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** The device was deleted: it writes to no channel any more, and its default channel takes no new rules. */
    record Removed(TenantId tenant, DeviceId device) implements DeviceChange {

        public Removed {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(device, "device");
        }
    }
}
