package io.thingbus.broker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How session lifecycle events are handed to Kafka. */
@ConfigMapping(prefix = "thingbus.broker.lifecycle")
public interface LifecycleConfig {

    /**
     * How many lifecycle events may wait for the Kafka producer at most. Beyond that, new events are dropped and
     * counted instead of filling the heap (MQTT clients are never held for them).
     */
    @WithDefault("10000")
    int maxPending();
}
