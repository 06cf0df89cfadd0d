package io.thingbus.event.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.util.Objects;

/**
 * What stream-service announced about a channel on {@code thingbus.channels.v1}: it exists (created or changed) and
 * is associated with a device, or it was deleted.
 */
public sealed interface ChannelChange permits ChannelChange.Announced, ChannelChange.Deleted {

    TenantId tenant();

    ChannelId channel();

    /** The channel exists and is associated with {@code device}. */
    record Announced(TenantId tenant, ChannelId channel, DeviceId device) implements ChannelChange {

        public Announced {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(device, "device");
        }
    }

    /** The channel was deleted: no telemetry goes to it any more, and its rules stop firing until it exists again. */
    record Deleted(TenantId tenant, ChannelId channel) implements ChannelChange {

        public Deleted {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(channel, "channel");
        }
    }
}
