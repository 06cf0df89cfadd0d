package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;

/**
 * The caller's tenant has no such channel: it does not exist, the id is not even a valid channel id, or it belongs to
 * another tenant (which is never revealed).
 */
public final class ChannelNotFoundException extends StreamException {

    public ChannelNotFoundException(ChannelId channel) {
        super("no channel " + channel);
    }

    /** For a requested id that is not a valid channel id, so cannot name a channel. */
    public ChannelNotFoundException() {
        super("no such channel");
    }
}
