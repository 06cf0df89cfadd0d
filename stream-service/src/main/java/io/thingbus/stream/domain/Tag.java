package io.thingbus.stream.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The tag of a point (ThingScale's {@code X-TAGNAME}, the last level of {@code <TOKEN>/json/<DEVICE>/<TAG>}):
 * 1–128 characters without control characters. A point without a tag has none; the store keeps that as an empty
 * string.
 */
public record Tag(String value) {

    public static final int MAX_LENGTH = 128;

    public Tag {
        Objects.requireNonNull(value, "tag");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a tag has 1-" + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a tag has no control characters");
        }
    }

    /** No tag for null or empty input, else a validated tag; throws {@link IllegalArgumentException} when invalid. */
    public static Optional<Tag> optional(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new Tag(value));
    }

    /** How the store keeps an optional tag: its value, or the empty string for none. */
    public static String storedForm(Optional<Tag> tag) {
        return tag.map(Tag::value).orElse("");
    }

    @Override
    public String toString() {
        return value;
    }
}
