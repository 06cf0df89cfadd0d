package io.thingbus.command.domain;

import java.util.Objects;

/** Checks of the free-text fields the broker reports (client ids, connection ids, topic filters, broker names). */
final class Text {

    /** The longest string MQTT can carry (a two-byte length prefix). */
    static final int MAX_LENGTH = 65_535;

    private Text() {
    }

    /**
     * @return {@code value}, when it is 1–65535 characters without NUL (which PostgreSQL text cannot hold)
     * @throws IllegalArgumentException otherwise, naming {@code what}
     */
    static String require(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.length() > MAX_LENGTH || value.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException(what + " must be 1-" + MAX_LENGTH + " characters without NUL");
        }
        return value;
    }
}
