package io.thingbus.event.domain;

import java.util.Objects;

/** The rule shared by names, field names and tags: 1 to n characters, none of them a control character. */
final class PrintableText {

    private PrintableText() {
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code value} */
    static String require(String value, int maxLength) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException("must be 1-" + maxLength + " characters");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("must not contain control characters");
        }
        return value;
    }
}
