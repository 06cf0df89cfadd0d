package io.thingbus.command.domain;

/**
 * The service's database could not be reached or failed (connection lost, shutting down, deadlock). Transient: the
 * same call may succeed later. Nothing of the failed call was stored.
 */
public final class StoreUnavailableException extends CommandException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
