package io.thingbus.command.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The publish API ({@code thingbus.command.publish.*}, env {@code THINGBUS_COMMAND_PUBLISH_*}). */
@ConfigMapping(prefix = "thingbus.command.publish")
public interface PublishConfig {

    /**
     * How long Kafka may take to acknowledge a downlink record before the request fails with 503 (the producer's
     * {@code delivery.timeout.ms} and {@code max.block.ms}; at least 2s).
     */
    @WithDefault("5s")
    Duration deliveryTimeout();

    /** The largest message body accepted, in bytes (at most 1000000, below Kafka's default record limit). */
    @WithDefault("262144")
    int maxPayloadBytes();
}
