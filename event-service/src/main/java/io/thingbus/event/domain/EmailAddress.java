package io.thingbus.event.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address a notification is sent to: the "valid e-mail address" of the HTML standard (what browsers accept
 * in {@code <input type=email>}), at most 254 characters. No display names, comments or quoted local parts.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    private static final Pattern VALID = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public EmailAddress {
        Objects.requireNonNull(value, "e-mail address");
        if (value.length() > MAX_LENGTH || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid e-mail address (local-part@domain, at most "
                    + MAX_LENGTH + " characters)");
        }
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
