package io.thingbus.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Attribute requests (answered over the downlink topic) and claim requests, from the device-requests topic. */
@ConfigMapping(prefix = "thingbus.device-requests")
public interface DeviceRequestConfig {

    /** Whether this instance answers attribute requests and opens claiming windows. */
    @WithDefault("true")
    boolean enabled();

    /** Kafka consumer group of the device-requests consumer. */
    @WithDefault("device-service-requests")
    String groupId();

    /** Where a new consumer group starts. */
    @WithDefault("earliest")
    String autoOffsetReset();

    /** How long one poll waits for records. */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** Wait before reading a batch again that could not be handled (database or Kafka down). */
    @WithDefault("2s")
    Duration retryBackoff();

    /** How long Kafka may take to acknowledge an answer before the batch is read again. */
    @WithDefault("30s")
    Duration deliveryTimeout();
}
