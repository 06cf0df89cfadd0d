package io.thingbus.broker.domain;

import io.thingbus.contracts.Header;
import java.util.List;
import java.util.Objects;

/**
 * A PUBLISH as a device sent it, independent of the MQTT library: topic, QoS (0–2), retain flag, client id, MQTT 5
 * user properties in their order (empty for MQTT 3) and the payload bytes (never null, possibly empty). The payload
 * array is not copied: callers hand over a fresh array and do not change it afterwards.
 */
public record InboundPublish(
        String topic, int qos, boolean retain, String clientId, List<Header> userProperties, byte[] payload) {

    public InboundPublish {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2");
        }
        userProperties = List.copyOf(userProperties);
    }
}
