package io.thingbus.device.domain;

import java.util.regex.Pattern;

/**
 * The name of a user's plan, which the gateway maps to rate limits and quotas (ThingScale's {@code basic}, …):
 * 1–32 lower-case letters, digits, {@code _} or {@code -}, starting with a letter.
 */
public record Plan(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public Plan {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "plan must be 1-32 lower-case letters, digits, '_' or '-', starting with a letter");
        }
    }

    public static Plan of(String value) {
        return new Plan(value);
    }
}
