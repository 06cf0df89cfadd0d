package io.thingbus.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the gateway follows the compacted API-key topic. The Kafka connection itself is configured with the
 * {@code kafka.*} properties (at least {@code kafka.bootstrap.servers}).
 */
@ConfigMapping(prefix = "thingbus.gateway.api-keys")
public interface ApiKeyFeedConfig {

    /** Pause before reconnecting after the consumer failed. */
    @WithDefault("2s")
    Duration retryBackoff();
}
