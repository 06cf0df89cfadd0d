package io.thingbus.device.domain;

import io.thingbus.contracts.ChannelId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user says about a device when creating or changing it. An empty name or token means "the default" on
 * creation (name = device id, token = the user's first token) and "unchanged" on update.
 *
 * @param channel where the device's telemetry goes: set = that channel (one of the tenant's channels); clear = the
 *     device's default channel; keep = unchanged on update, the default channel on creation
 */
public record DeviceInput(Optional<DeviceName> name, Optional<DeviceToken> token, FieldUpdate<ChannelId> channel) {

    public DeviceInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(channel, "channel");
    }

    /** Name and token only; the channel stays (on creation: the default channel). */
    public DeviceInput(Optional<DeviceName> name, Optional<DeviceToken> token) {
        this(name, token, FieldUpdate.keep());
    }

    public static DeviceInput defaults() {
        return new DeviceInput(Optional.empty(), Optional.empty());
    }
}
