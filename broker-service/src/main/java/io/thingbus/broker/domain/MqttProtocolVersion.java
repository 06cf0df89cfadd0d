package io.thingbus.broker.domain;

/** The MQTT protocol version a client connected with. */
public enum MqttProtocolVersion {
    V3_1("3.1"),
    V3_1_1("3.1.1"),
    V5("5");

    private final String label;

    MqttProtocolVersion(String label) {
        this.label = label;
    }

    /** The name in lifecycle records: {@code 3.1}, {@code 3.1.1} or {@code 5}. */
    public String label() {
        return label;
    }
}
