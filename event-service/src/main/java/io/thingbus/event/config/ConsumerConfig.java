package io.thingbus.event.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The consumers of the telemetry, device and channel topics ({@code thingbus.event.consumer.*}, env
 * {@code THINGBUS_EVENT_CONSUMER_*}). Kafka client settings come from {@code kafka.*} ({@code KAFKA_*}).
 */
@ConfigMapping(prefix = "thingbus.event.consumer")
public interface ConsumerConfig {

    /** Whether rules are evaluated at all (off: a REST slice only; no rule fires, no-data rules included). */
    @WithDefault("true")
    boolean telemetryEnabled();

    /** The consumer group of the telemetry topic; instances share it and Kafka splits the partitions among them. */
    @WithDefault("event-service")
    String telemetryGroupId();

    /** The consumer group that materialises the device registry topic into the channel directory. */
    @WithDefault("event-service-devices")
    String devicesGroupId();

    /** The consumer group that materialises stream-service's channel topic into the channel directory. */
    @WithDefault("event-service-channels")
    String channelsGroupId();

    /** The most records evaluated in one database transaction. */
    @WithDefault("500")
    int maxPollRecords();

    /** How long one poll waits for records. */
    @WithDefault("1s")
    Duration pollTimeout();

    /** The first pause before a batch is retried after the database failed. */
    @WithDefault("500ms")
    Duration retryBackoffInitial();

    /** The longest pause between retries (the pause doubles up to this). */
    @WithDefault("30s")
    Duration retryBackoffMax();
}
