package io.thingbus.device.domain;

import java.util.regex.Pattern;

/**
 * A user's e-mail address, where notifications go: {@code local@domain.tld}, at most 254 characters, no blanks.
 * Checked for shape only; whether the mailbox exists is the mail server's business.
 */
public record Email(String value) {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public Email {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("email must not be empty");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH || Text.hasControlCharacter(value) || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("email must look like name@example.com (at most " + MAX_LENGTH
                    + " characters)");
        }
    }

    public static Email of(String value) {
        return new Email(value);
    }
}
