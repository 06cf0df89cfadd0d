package io.thingbus.broker.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the platform publishes to MQTT subscribers: topic (no wildcards), QoS 0 or 1, how long it may wait for
 * an offline persistent session ({@code expiry}, at least one second), the MQTT 5 content type, the payload (not
 * copied: callers hand over an array they do not change afterwards), and the one client it is for (empty: every
 * session subscribed to the topic).
 */
public record OutboundMessage(String topic, int qos, Duration expiry, String contentType, byte[] payload,
        Optional<String> clientId) {

    /** A message for every session subscribed to the topic. */
    public OutboundMessage(String topic, int qos, Duration expiry, String contentType, byte[] payload) {
        this(topic, qos, expiry, contentType, payload, Optional.empty());
    }

    public OutboundMessage {
        Objects.requireNonNull(clientId, "clientId");
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
