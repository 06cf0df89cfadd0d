package io.thingbus.event.domain;

/** A rule names a channel the caller does not have (as far as the channel and device topics told this service). */
public final class UnknownChannelException extends EventException {

    public UnknownChannelException() {
        super("this tenant has no channel with that id");
    }
}
