package io.thingbus.device.domain;

/** Checks shared by the free-text value objects. */
final class Text {

    private Text() {
    }

    static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    /** Rejects null, blank, over-long and control-character text; returns the text stripped of outer blanks. */
    static String requirePrintable(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(what + " must be at most " + maxLength + " characters");
        }
        if (hasControlCharacter(stripped)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
        return stripped;
    }
}
