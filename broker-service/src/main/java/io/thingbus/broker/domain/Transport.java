package io.thingbus.broker.domain;

/** How an MQTT client reached the broker: which kind of listener it connected to. */
public enum Transport {
    /** MQTT over plain TCP. */
    TCP("tcp"),
    /** MQTT over TLS (MQTTS). */
    TLS("tls"),
    /** MQTT over WebSocket. */
    WS("ws"),
    /** MQTT over WebSocket over TLS. */
    WSS("wss");

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    /** The name in lifecycle records: {@code tcp}, {@code tls}, {@code ws} or {@code wss}. */
    public String label() {
        return label;
    }
}
