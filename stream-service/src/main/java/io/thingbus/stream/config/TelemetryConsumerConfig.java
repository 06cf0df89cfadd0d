package io.thingbus.stream.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The consumer of the telemetry topic ({@code thingbus.stream.consumer.*}, env {@code THINGBUS_STREAM_CONSUMER_*}).
 * Kafka client settings come from {@code kafka.*} ({@code KAFKA_*}), e.g. {@code kafka.bootstrap.servers}.
 */
@ConfigMapping(prefix = "thingbus.stream.consumer")
public interface TelemetryConsumerConfig {

    /** Whether the service consumes telemetry at all (off: a read-only REST slice). */
    @WithDefault("true")
    boolean enabled();

    /** The consumer group; every instance of the service shares it and Kafka splits the partitions among them. */
    @WithDefault("stream-service")
    String groupId();

    /** The most records stored in one database transaction. */
    @WithDefault("1000")
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
