package io.thingbus.session.domain;

import java.util.Arrays;
import java.util.Optional;

/** The MQTT protocol version a client connected with. */
public enum MqttVersion {
    V3_1("3.1"), V3_1_1("3.1.1"), V5("5");

    private final String wireName;

    MqttVersion(String wireName) {
        this.wireName = wireName;
    }

    /** The name in lifecycle records and in the REST API ({@code 3.1}, {@code 3.1.1}, {@code 5}). */
    public String wireName() {
        return wireName;
    }

    /** The version with that wire name; empty for null or anything else. Never throws. */
    public static Optional<MqttVersion> fromWire(String wireName) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(wireName)).findFirst();
    }
}
