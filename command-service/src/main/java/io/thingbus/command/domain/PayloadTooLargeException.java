package io.thingbus.command.domain;

/** The message is larger than the service accepts for one downlink. */
public final class PayloadTooLargeException extends CommandException {

    private final int limit;

    public PayloadTooLargeException(int size, int limit) {
        super("the message has " + size + " bytes; at most " + limit + " are accepted");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
