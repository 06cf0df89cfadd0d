package io.thingbus.device.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a user says about a device when creating or changing it. An empty part means "the default" on creation
 * (name = device id, token = the user's first token) and "unchanged" on update.
 */
public record DeviceInput(Optional<DeviceName> name, Optional<DeviceToken> token) {

    public DeviceInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(token, "token");
    }

    public static DeviceInput defaults() {
        return new DeviceInput(Optional.empty(), Optional.empty());
    }
}
