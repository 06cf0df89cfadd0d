package io.thingbus.broker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How accepted publishes are handed to Kafka. Other Kafka client settings (bootstrap servers, security) come from
 * the {@code kafka.*} properties shared by every client of the service.
 */
@ConfigMapping(prefix = "thingbus.broker.kafka")
public interface KafkaForwardingConfig {

    /**
     * How long Kafka may take to acknowledge a telemetry record (the producer's {@code delivery.timeout.ms}). A QoS 1/2
     * publish not acknowledged by then gets an error instead of a success acknowledgement. Must exceed the linger
     * time by at least one second.
     */
    @WithDefault("30s")
    Duration deliveryTimeout();

    /** How long the producer waits to batch records before sending ({@code linger.ms}). */
    @WithDefault("5ms")
    Duration linger();

    /**
     * How many accepted publishes may wait for the Kafka producer at most. Beyond that, QoS 1/2 publishes are
     * answered with an error and QoS 0 publishes are dropped (and counted), instead of filling the heap.
     */
    @WithDefault("10000")
    int maxPending();
}
