package io.thingbus.session.domain;

/**
 * The session store could not be reached or failed (connection lost, database shutting down, deadlock). Transient:
 * the same call may succeed later. Nothing of the failed call was stored.
 */
public final class StoreUnavailableException extends SessionException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
