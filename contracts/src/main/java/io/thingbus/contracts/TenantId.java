package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The owner of devices, tokens and data: a Thingbus user, shown to devices as the ThingScale id ({@code U…}) they
 * use as MQTT user name. Valid ids are 2–64 characters of letters, digits, {@code _} and {@code -}, starting with a
 * letter.
 */
public record TenantId(@JsonValue String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{1,63}");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid tenant id: 2-64 letters, digits, '_' or '-', starting with a letter");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /** Whether {@code value} would make a valid id; never throws. */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
