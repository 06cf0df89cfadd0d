package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceKey;
import java.util.Objects;

/** A change of the device registry, as the devices topic announces it. */
public sealed interface DeviceChange {

    DeviceKey key();

    /** The device exists; the registry names {@code channel} as the channel of its telemetry. */
    record Registered(DeviceKey key, ChannelId channel) implements DeviceChange {
        public Registered {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** The device was deleted from the registry. */
    record Removed(DeviceKey key) implements DeviceChange {
        public Removed {
            Objects.requireNonNull(key, "key");
        }
    }
}
