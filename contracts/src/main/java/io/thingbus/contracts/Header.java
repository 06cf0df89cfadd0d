package io.thingbus.contracts;

import java.util.Objects;

/** One Kafka record header with a UTF-8 value. Names may repeat (MQTT 5 user properties can). */
public record Header(String name, String value) {

    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
