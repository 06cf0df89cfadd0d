package io.thingbus.stream.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The consumer of the devices topic, which tells the service which channel each device's telemetry goes to
 * ({@code thingbus.stream.devices.*}, env {@code THINGBUS_STREAM_DEVICES_*}). Kafka client settings come from
 * {@code kafka.*} ({@code KAFKA_*}).
 */
@ConfigMapping(prefix = "thingbus.stream.devices")
public interface DeviceConsumerConfig {

    /** Whether the service follows the device registry at all (off: every device stores into its default channel). */
    @WithDefault("true")
    boolean enabled();

    /** The consumer group; every instance shares it (they share one database). */
    @WithDefault("stream-service-devices")
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
