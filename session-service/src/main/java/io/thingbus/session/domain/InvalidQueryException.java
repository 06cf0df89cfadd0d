package io.thingbus.session.domain;

/** A session query names something that cannot exist, such as an unknown transport. */
public final class InvalidQueryException extends SessionException {

    private final String field;

    public InvalidQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The query parameter that is wrong ({@code transport}, {@code device_id}). */
    public String field() {
        return field;
    }
}
