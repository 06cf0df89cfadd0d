package io.thingbus.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The tenants' channels, from the channels topic that stream-service writes. */
@ConfigMapping(prefix = "thingbus.channels")
public interface ChannelConfig {

    /**
     * Whether this instance consumes the channels topic. Without it the registry knows no channels: devices show only
     * their default channel, and naming any other channel for a device is refused.
     */
    @WithDefault("true")
    boolean enabled();

    /** Kafka consumer group of the channels consumer. */
    @WithDefault("device-service-channels")
    String groupId();

    /** Where a new consumer group starts: {@code earliest} reads every live channel of the compacted topic. */
    @WithDefault("earliest")
    String autoOffsetReset();

    /** How long one poll waits for records. */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** Wait before reading a batch again that could not be stored (database down). */
    @WithDefault("2s")
    Duration retryBackoff();
}
