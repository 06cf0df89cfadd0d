package io.thingbus.session.domain;

import java.util.Arrays;
import java.util.Optional;

/** How a client reached the broker: MQTT over TCP, over TLS, over WebSocket, or over secure WebSocket. */
public enum Transport {
    TCP("tcp"), TLS("tls"), WS("ws"), WSS("wss");

    private final String wireName;

    Transport(String wireName) {
        this.wireName = wireName;
    }

    /** The name in lifecycle records and in the REST API ({@code tcp}, {@code tls}, {@code ws}, {@code wss}). */
    public String wireName() {
        return wireName;
    }

    /** The transport with that wire name; empty for null or anything else. Never throws. */
    public static Optional<Transport> fromWire(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
