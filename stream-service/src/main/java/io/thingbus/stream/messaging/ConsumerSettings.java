package io.thingbus.stream.messaging;

import io.thingbus.stream.config.TelemetryConsumerConfig;
import java.time.Duration;
import java.util.Objects;

/** How a {@link KafkaTelemetryConsumer} polls and retries. */
public record ConsumerSettings(String groupId, int maxPollRecords, Duration pollTimeout, Duration retryBackoffInitial,
        Duration retryBackoffMax) {

    public ConsumerSettings {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(retryBackoffInitial, "retryBackoffInitial");
        Objects.requireNonNull(retryBackoffMax, "retryBackoffMax");
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("thingbus.stream.consumer.group-id must not be blank");
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("thingbus.stream.consumer.max-poll-records must be at least 1");
        }
        if (pollTimeout.isNegative() || pollTimeout.isZero() || retryBackoffInitial.isNegative()
                || retryBackoffInitial.isZero() || retryBackoffMax.compareTo(retryBackoffInitial) < 0) {
            throw new IllegalArgumentException("thingbus.stream.consumer: poll-timeout and retry-backoff-initial must "
                    + "be positive, retry-backoff-max at least retry-backoff-initial");
        }
    }

    public static ConsumerSettings from(TelemetryConsumerConfig config) {
        return new ConsumerSettings(config.groupId(), config.maxPollRecords(), config.pollTimeout(),
                config.retryBackoffInitial(), config.retryBackoffMax());
    }
}
