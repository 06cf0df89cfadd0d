package io.thingbus.stream.domain;

import io.thingbus.contracts.DeviceId;
import java.util.Objects;
import java.util.Optional;

/**
 * What an update of a channel asks for; an empty part leaves that part as it is.
 *
 * @param name the new name
 * @param device the device the channel is associated with from now on (one of the tenant's devices)
 * @param tag a tag to add to the channel's known tags
 */
public record ChannelChange(Optional<ChannelName> name, Optional<DeviceId> device, Optional<Tag> tag) {

    public ChannelChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(tag, "tag");
    }
}
