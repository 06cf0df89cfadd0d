package io.thingbus.broker.domain;

import java.util.Objects;

/**
 * One authenticated MQTT connection: who it is ({@code identity}), the client id it connected with, and the
 * {@code connectionId} the edge gave it when it authenticated (unique, never reused; it tells two connections of the
 * same client id apart).
 */
public record MqttConnection(ConnectionIdentity identity, String clientId, String connectionId) {

    public MqttConnection {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(connectionId, "connectionId");
    }
}
