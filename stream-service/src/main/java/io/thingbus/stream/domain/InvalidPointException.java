package io.thingbus.stream.domain;

/**
 * A point that cannot be stored as given: a payload that is not a JSON object or number, a value the store cannot
 * hold, a time outside the supported range. Permanent: retrying the same input fails the same way.
 */
public final class InvalidPointException extends StreamException {

    public InvalidPointException(String message) {
        super(message);
    }

    public InvalidPointException(String message, Throwable cause) {
        super(message, cause);
    }
}
