package io.thingbus.stream.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the numeric values of one field in one interval are combined. Only JSON numbers count; a field whose value is
 * a string, boolean, object, array or null in a point is left out for that point.
 */
public enum Aggregation {
    /** The arithmetic mean of the numbers. */
    AVG,
    /** The smallest number. */
    MIN,
    /** The largest number. */
    MAX,
    /** How many numbers there are. */
    COUNT;

    /** The name in requests and responses: {@code avg}, {@code min}, {@code max}, {@code count}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for any other name */
    public static Aggregation of(String wireName) {
        return Arrays.stream(values())
                .filter(a -> a.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("one of avg, min, max, count"));
    }
}
