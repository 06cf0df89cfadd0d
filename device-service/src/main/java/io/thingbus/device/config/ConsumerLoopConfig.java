package io.thingbus.device.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How one of this service's Kafka consumers runs: the settings every consumer feature has under its own prefix
 * ({@code thingbus.<feature>.enabled}, {@code .auto-offset-reset}, {@code .poll-timeout}, {@code .retry-backoff}).
 * Each feature's mapping extends it and adds its consumer group ({@code group-id}, whose default differs per feature).
 */
public interface ConsumerLoopConfig {

    /** Whether this instance runs the consumer; without it the feature's records are left unread. */
    @WithDefault("true")
    boolean enabled();

    /** Where a new consumer group starts: {@code earliest} reads whatever is still in the topic's retention. */
    @WithDefault("earliest")
    String autoOffsetReset();

    /** How long one poll waits for records. */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** The pause before a batch that could not be handled (database or Kafka down) is read again; it stays the same. */
    @WithDefault("2s")
    Duration retryBackoff();
}
