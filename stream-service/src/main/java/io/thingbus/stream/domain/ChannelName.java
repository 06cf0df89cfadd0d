package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import java.util.Objects;

/** A channel's label for people: 1–128 characters, no control characters, not blank. */
public record ChannelName(String value) {

    public static final int MAX_LENGTH = 128;

    public ChannelName {
        Objects.requireNonNull(value, "name");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a channel name has 1-" + MAX_LENGTH + " characters");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("a channel name is not blank");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a channel name has no control characters");
        }
    }

    /** The name of a channel created without one: its id. */
    public static ChannelName defaultFor(ChannelId channel) {
        return new ChannelName(channel.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
