package io.thingbus.command.domain;

/** A publish request with an unusable parameter, such as {@code qos=abc} or a negative expiry. */
public final class InvalidPublishException extends CommandException {

    private final String field;

    public InvalidPublishException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The parameter that is wrong ({@code qos}, {@code expiry}, {@code body}). */
    public String field() {
        return field;
    }
}
