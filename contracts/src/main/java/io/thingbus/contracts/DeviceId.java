package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A device's id, unique within its tenant. Devices choose it themselves (it travels in MQTT topics and JSON bodies,
 * e.g. ThingsBoard's {@code "Device A"}), so the rules are those that keep it usable everywhere: 1–128 characters,
 * no MQTT wildcard or level separator ({@code + # /}), no control characters, no leading or trailing blank.
 */
public record DeviceId(@JsonValue String value) {

    public static final int MAX_LENGTH = 128;

    public DeviceId {
        Objects.requireNonNull(value, "device id");
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException("invalid device id: " + problem);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    /** Whether {@code value} would make a valid id; never throws. */
    public static boolean isValid(String value) {
        return value != null && problemWith(value) == null;
    }

    private static String problemWith(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return "1-" + MAX_LENGTH + " characters";
        }
        if (value.isBlank() || Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1))) {
            return "no leading or trailing blanks";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '+' || c == '#' || Character.isISOControl(c)) {
                return "no '/', '+', '#' or control characters";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
