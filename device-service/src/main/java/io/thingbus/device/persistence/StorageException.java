package io.thingbus.device.persistence;

/** The database failed (unreachable, constraint broken by a bug, …). Answered as a 500 with a generic detail. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
