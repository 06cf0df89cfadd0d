package io.thingbus.session.messaging;

import io.thingbus.session.config.LifecycleConsumerConfig;
import java.time.Duration;
import java.util.Objects;

/** How the {@link KafkaLifecycleConsumer} polls and retries; checked when the service starts. */
public record ConsumerSettings(String groupId, int maxPollRecords, Duration pollTimeout, Duration retryBackoffInitial,
        Duration retryBackoffMax) {

    /** @throws IllegalArgumentException with the offending property's name when a value is unusable */
    public ConsumerSettings {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(retryBackoffInitial, "retryBackoffInitial");
        Objects.requireNonNull(retryBackoffMax, "retryBackoffMax");
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("thingbus.session.consumer.group-id must not be blank");
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("thingbus.session.consumer.max-poll-records must be at least 1");
        }
        if (!isPositive(pollTimeout) || !isPositive(retryBackoffInitial)
                || retryBackoffMax.compareTo(retryBackoffInitial) < 0) {
            throw new IllegalArgumentException("thingbus.session.consumer: poll-timeout and retry-backoff-initial "
                    + "must be positive, retry-backoff-max at least retry-backoff-initial");
        }
    }

    public static ConsumerSettings from(LifecycleConsumerConfig config) {
        return new ConsumerSettings(config.groupId(), config.maxPollRecords(), config.pollTimeout(),
                config.retryBackoffInitial(), config.retryBackoffMax());
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
