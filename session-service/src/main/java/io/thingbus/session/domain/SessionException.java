package io.thingbus.session.domain;

/** Base of the session service's domain exceptions. They carry no HTTP status; the API layer maps them. */
public abstract class SessionException extends RuntimeException {

    protected SessionException(String message) {
        super(message);
    }

    protected SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
