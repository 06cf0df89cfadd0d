package io.thingbus.stream.messaging;

import io.thingbus.stream.config.DeviceConsumerConfig;
import io.thingbus.stream.config.TelemetryConsumerConfig;
import java.time.Duration;
import java.util.Objects;

/** How a consumer ({@link KafkaTelemetryConsumer}, {@link KafkaDeviceConsumer}) polls and retries. */
public record ConsumerSettings(String groupId, int maxPollRecords, Duration pollTimeout, Duration retryBackoffInitial,
        Duration retryBackoffMax) {

    public ConsumerSettings {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(retryBackoffInitial, "retryBackoffInitial");
        Objects.requireNonNull(retryBackoffMax, "retryBackoffMax");
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("a consumer group-id must not be blank");
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("max-poll-records must be at least 1");
        }
        if (pollTimeout.isNegative() || pollTimeout.isZero() || retryBackoffInitial.isNegative()
                || retryBackoffInitial.isZero() || retryBackoffMax.compareTo(retryBackoffInitial) < 0) {
            throw new IllegalArgumentException("poll-timeout and retry-backoff-initial must be positive, "
                    + "retry-backoff-max at least retry-backoff-initial");
        }
    }

    /** @throws IllegalArgumentException naming the settings' prefix when they are invalid */
    public static ConsumerSettings from(DeviceConsumerConfig config) {
        return named("thingbus.stream.devices", config.groupId(), config.maxPollRecords(), config.pollTimeout(),
                config.retryBackoffInitial(), config.retryBackoffMax());
    }

    /** @throws IllegalArgumentException naming the settings' prefix when they are invalid */
    public static ConsumerSettings from(TelemetryConsumerConfig config) {
        return named("thingbus.stream.consumer", config.groupId(), config.maxPollRecords(), config.pollTimeout(),
                config.retryBackoffInitial(), config.retryBackoffMax());
    }

    private static ConsumerSettings named(String prefix, String groupId, int maxPollRecords, Duration pollTimeout,
            Duration retryBackoffInitial, Duration retryBackoffMax) {
        try {
            return new ConsumerSettings(groupId, maxPollRecords, pollTimeout, retryBackoffInitial, retryBackoffMax);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + ": " + e.getMessage(), e);
        }
    }
}
