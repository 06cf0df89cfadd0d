package io.thingbus.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The tenants' channels, from the channels topic that stream-service writes ({@code earliest}, the default start,
 * reads every live channel of the compacted topic). When disabled the registry knows no channels: devices show only
 * their default channel, and naming any other channel for a device is refused.
 */
@ConfigMapping(prefix = "thingbus.channels")
public interface ChannelConfig extends ConsumerLoopConfig {

    /** Kafka consumer group of the channels consumer. */
    @WithDefault("device-service-channels")
    String groupId();
}
