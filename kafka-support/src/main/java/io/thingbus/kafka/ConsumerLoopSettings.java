package io.thingbus.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * How a service's {@link KafkaConsumerLoop} polls and retries, as the service's configuration gives them under one
 * prefix: {@code <prefix>.group-id}, {@code .max-poll-records}, {@code .poll-timeout}, {@code .retry-backoff-initial}
 * and {@code .retry-backoff-max}. Checked when built, so that a bad value stops the start-up with a message naming the
 * property. Immutable.
 *
 * @param configPrefix where the values come from, e.g. {@code thingbus.session.consumer}; for messages only
 * @param groupId the consumer group every instance of the service shares
 * @param maxPollRecords the most records one poll returns, so the most one batch handles
 * @param retryBackoffInitial the first pause before a failed batch is read again; it doubles up to
 *     {@code retryBackoffMax}
 */
public record ConsumerLoopSettings(String configPrefix, String groupId, int maxPollRecords, Duration pollTimeout,
        Duration retryBackoffInitial, Duration retryBackoffMax) {

    /** @throws IllegalArgumentException naming the offending property when a value is unusable */
    public ConsumerLoopSettings {
        Objects.requireNonNull(configPrefix, "configPrefix");
        Objects.requireNonNull(groupId, configPrefix + ".group-id");
        Objects.requireNonNull(pollTimeout, configPrefix + ".poll-timeout");
        Objects.requireNonNull(retryBackoffInitial, configPrefix + ".retry-backoff-initial");
        Objects.requireNonNull(retryBackoffMax, configPrefix + ".retry-backoff-max");
        if (groupId.isBlank()) {
            throw new IllegalArgumentException(configPrefix + ".group-id must not be blank");
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException(configPrefix + ".max-poll-records must be at least 1");
        }
        if (!isPositive(pollTimeout) || !isPositive(retryBackoffInitial)
                || retryBackoffMax.compareTo(retryBackoffInitial) < 0) {
            throw new IllegalArgumentException(configPrefix + ": poll-timeout and retry-backoff-initial must be "
                    + "positive, retry-backoff-max at least retry-backoff-initial");
        }
    }

    /**
     * The consumer's configuration: {@link KafkaClientSettings#consumer} (the {@code kafka.*} settings, manual
     * commits, byte[] keys and values) in this group, with at most {@code maxPollRecords} a poll.
     *
     * @param autoOffsetReset where a group without committed offsets starts: {@code earliest} or {@code latest}
     * @throws ConfigException when Kafka would refuse the configuration (a bad {@code kafka.*} setting): checked here,
     *     so that it stops the start-up rather than the loop's thread
     */
    public Map<String, Object> consumerConfig(KafkaClientSettings kafka, String clientId, String autoOffsetReset) {
        Map<String, Object> config = new HashMap<>(kafka.consumer(clientId, groupId, autoOffsetReset));
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        ConsumerConfig.configDef().parse(config);
        return config;
    }

    /** A new back-off for one loop (a {@link RetryBackoff} is not shared). */
    public RetryBackoff backoff() {
        return new RetryBackoff(retryBackoffInitial, retryBackoffMax);
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
