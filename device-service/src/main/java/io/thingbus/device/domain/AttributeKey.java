package io.thingbus.device.domain;

import java.util.Objects;

/**
 * The key of one device attribute ({@code "firmware"}, {@code "attribute1"}): 1–{@value #MAX_LENGTH} characters
 * without control characters, kept exactly as given (keys are case-sensitive and not trimmed).
 */
public record AttributeKey(String value) implements Comparable<AttributeKey> {

    public static final int MAX_LENGTH = 255;

    public AttributeKey {
        Objects.requireNonNull(value, "attribute key");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an attribute key has 1-" + MAX_LENGTH + " characters");
        }
        if (Text.hasControlCharacter(value)) {
            throw new IllegalArgumentException("an attribute key must not contain control characters");
        }
    }

    public static AttributeKey of(String value) {
        return new AttributeKey(value);
    }

    /** Whether {@code value} would make a valid key; never throws. */
    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && !Text.hasControlCharacter(value);
    }

    @Override
    public int compareTo(AttributeKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
