package io.thingbus.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Client-side attributes, from the attributes topic ({@code v1/gateway/attributes}). */
@ConfigMapping(prefix = "thingbus.attributes")
public interface AttributeConfig {

    /** Whether this instance consumes client-side attribute updates and stores them. */
    @WithDefault("true")
    boolean enabled();

    /** Kafka consumer group of the attributes consumer. */
    @WithDefault("device-service-attributes")
    String groupId();

    /** Where a new consumer group starts. */
    @WithDefault("earliest")
    String autoOffsetReset();

    /** How long one poll waits for records. */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** Wait before reading a batch again that could not be stored (database down). */
    @WithDefault("2s")
    Duration retryBackoff();
}
