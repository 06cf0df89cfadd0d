package io.thingbus.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Client-side attributes, from the attributes topic ({@code v1/gateway/attributes}): when enabled, this instance
 * consumes client-side attribute updates and stores them.
 */
@ConfigMapping(prefix = "thingbus.attributes")
public interface AttributeConfig extends ConsumerLoopConfig {

    /** Kafka consumer group of the attributes consumer. */
    @WithDefault("device-service-attributes")
    String groupId();
}
