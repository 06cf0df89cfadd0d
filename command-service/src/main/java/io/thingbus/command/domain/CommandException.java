package io.thingbus.command.domain;

/** Base of the command service's domain exceptions. They carry no HTTP status; the API layer maps them. */
public abstract class CommandException extends RuntimeException {

    protected CommandException(String message) {
        super(message);
    }

    protected CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
