package io.thingbus.stream.domain;

/** Base of the stream store's domain exceptions. They carry no HTTP status; the API layer maps them. */
public abstract class StreamException extends RuntimeException {

    protected StreamException(String message) {
        super(message);
    }

    protected StreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
