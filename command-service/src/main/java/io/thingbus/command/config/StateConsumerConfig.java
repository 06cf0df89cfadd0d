package io.thingbus.command.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The consumer that keeps this service's copy of devices ({@code thingbus.devices.v1}) and live sessions
 * ({@code thingbus.lifecycle.v1}) ({@code thingbus.command.consumer.*}, env {@code THINGBUS_COMMAND_CONSUMER_*}).
 * Kafka client settings come from {@code kafka.*} ({@code KAFKA_*}), e.g. {@code kafka.bootstrap.servers}.
 */
@ConfigMapping(prefix = "thingbus.command.consumer")
public interface StateConsumerConfig {

    /** Whether the service consumes devices and sessions at all (off: publishing sees the state as it is). */
    @WithDefault("true")
    boolean enabled();

    /** The consumer group; every instance of the service shares it and Kafka splits the partitions among them. */
    @WithDefault("command-service")
    String groupId();

    /** The most records applied in one database transaction. */
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
