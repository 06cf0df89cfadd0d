package io.thingbus.event.domain;

/**
 * Why the event service refused or could not do something. Carries no transport code: the API layer decides how each
 * kind is answered. Refusals are expected in normal operation and record no stack trace.
 */
public abstract class EventException extends RuntimeException {

    protected EventException(String message) {
        super(message, null, false, false);
    }

    protected EventException(String message, Throwable cause) {
        super(message, cause);
    }
}
