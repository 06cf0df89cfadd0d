package io.thingbus.event.domain;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;

/** A rule's id: {@code E} and 20 lower-case letters or digits (≈ 103 random bits), unique across tenants. */
public record EventId(String value) {

    private static final Pattern VALID = Pattern.compile("E[a-z0-9]{20}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    public EventId {
        Objects.requireNonNull(value, "event id");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid event id: E and 20 lower-case letters or digits");
        }
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    /** A fresh random id. Thread-safe when {@code random} is (SecureRandom is). */
    public static EventId random(SecureRandom random) {
        StringBuilder id = new StringBuilder("E");
        for (int i = 0; i < 20; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new EventId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
