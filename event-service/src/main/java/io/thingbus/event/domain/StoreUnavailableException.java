package io.thingbus.event.domain;

/**
 * The database could not be reached or failed for a reason that is not the data's fault. Transient: the same call may
 * succeed later. Nothing of the failed call was stored.
 */
public final class StoreUnavailableException extends EventException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
