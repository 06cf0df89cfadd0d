package io.thingbus.event.domain;

/**
 * The name of a top-level field of a point ({@code temp} in {@code {"temp": 21.5}}); a bare number is the field
 * {@value #BARE_NUMBER}. 1–128 printable characters.
 */
public record FieldName(String value) {

    public static final int MAX_LENGTH = 128;
    /** The field a bare-number payload is stored under (as stream-service does). */
    public static final String BARE_NUMBER = "value1";

    public FieldName {
        PrintableText.require(value, MAX_LENGTH);
    }

    public static FieldName of(String value) {
        return new FieldName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
