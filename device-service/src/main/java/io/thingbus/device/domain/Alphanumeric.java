package io.thingbus.device.domain;

/** The alphabet of generated secrets: they travel in MQTT topics and HTTP paths, so only {@code [A-Za-z0-9]}. */
final class Alphanumeric {

    static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String LOWER_CASE_AND_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Alphanumeric() {
    }

    static boolean isLettersAndDigits(String value, int length) {
        if (value == null || value.length() != length) {
            return false;
        }
        return value.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }
}
