package io.thingbus.stream.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a payload becomes in the store: its values, and for a binary payload the raw bytes as they arrived.
 *
 * @param values the values shown by the stream API
 * @param raw the original bytes of a binary payload, or null for JSON payloads
 */
public record PointContent(PointValues values, byte[] raw) {

    public PointContent {
        Objects.requireNonNull(values, "values");
        raw = raw == null ? null : raw.clone();
    }

    public static PointContent of(PointValues values) {
        return new PointContent(values, null);
    }

    @Override
    public byte[] raw() {
        return raw == null ? null : raw.clone();
    }

    public Optional<byte[]> rawBytes() {
        return Optional.ofNullable(raw());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointContent other && values.equals(other.values)
                && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return 31 * values.hashCode() + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "PointContent[" + values + (raw == null ? "" : ", " + raw.length + " raw bytes") + "]";
    }
}
