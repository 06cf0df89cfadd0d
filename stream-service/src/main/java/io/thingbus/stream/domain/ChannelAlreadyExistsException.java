package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;

/**
 * The tenant already has a channel with that id. Another tenant's channel with the same id does not count: channel ids
 * are chosen per tenant.
 */
public final class ChannelAlreadyExistsException extends StreamException {

    public ChannelAlreadyExistsException(ChannelId channel) {
        super("channel " + channel + " already exists");
    }
}
