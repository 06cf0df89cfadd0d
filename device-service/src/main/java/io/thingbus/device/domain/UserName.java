package io.thingbus.device.domain;

/** A user's display name: 1–100 printable characters, outer blanks stripped. */
public record UserName(String value) {

    public static final int MAX_LENGTH = 100;

    public UserName {
        value = Text.requirePrintable(value, "name", MAX_LENGTH);
    }

    public static UserName of(String value) {
        return new UserName(value);
    }
}
