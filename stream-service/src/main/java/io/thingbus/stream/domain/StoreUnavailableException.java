package io.thingbus.stream.domain;

/**
 * The store could not be reached or failed for a reason that is not the data's fault (connection lost, database
 * shutting down, deadlock, missing table). Transient: the same call may succeed later. Nothing of the failed call was
 * stored.
 */
public final class StoreUnavailableException extends StreamException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
