package io.thingbus.contracts;

import java.util.List;
import java.util.Objects;

/**
 * Where an uplink record came from on the MQTT side: the original topic, QoS, retain flag, client id and the MQTT 5
 * user properties in their original order (names may repeat).
 */
public record MqttOrigin(String topic, int qos, boolean retain, String clientId, List<Header> userProperties) {

    public MqttOrigin {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(clientId, "clientId");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2");
        }
        userProperties = List.copyOf(userProperties);
    }
}
