package io.thingbus.event.domain;

/** A ThingScale tag: a sub-stream of a channel (the last MQTT topic level). 1–128 printable characters. */
public record Tag(String value) {

    public static final int MAX_LENGTH = 128;

    public Tag {
        PrintableText.require(value, MAX_LENGTH);
    }

    public static Tag of(String value) {
        return new Tag(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
