package io.thingbus.event.domain;

/** A conditional write ({@code If-Match}) named a version that is not the rule's current one. */
public final class VersionMismatchException extends EventException {

    public VersionMismatchException() {
        super("the event was changed since that version");
    }
}
