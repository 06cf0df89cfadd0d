package io.thingbus.broker.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * A message the platform publishes to MQTT subscribers: topic (no wildcards), QoS 0 or 1, how long it may wait for
 * an offline persistent session ({@code expiry}, at least one second), the MQTT 5 content type, and the payload
 * (not copied: callers hand over an array they do not change afterwards).
 */
public record OutboundMessage(String topic, int qos, Duration expiry, String contentType, byte[] payload) {

    public OutboundMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 1) {
            throw new IllegalArgumentException("qos must be 0 or 1");
        }
        if (expiry.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("expiry must be at least one second");
        }
    }
}
