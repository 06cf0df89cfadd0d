package io.thingbus.device.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.util.Objects;

/** What one record of the channels topic says about a channel of a tenant. */
public sealed interface ChannelChange {

    TenantId tenant();

    ChannelId channel();

    /** The channel exists (created or changed) and is associated with {@code device}. */
    record Announced(TenantId tenant, ChannelId channel, DeviceId device) implements ChannelChange {

        public Announced {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(device, "device");
        }
    }

    /** The channel was deleted (a tombstone). */
    record Deleted(TenantId tenant, ChannelId channel) implements ChannelChange {

        public Deleted {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(channel, "channel");
        }
    }
}
