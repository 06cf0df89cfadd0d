package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;
import java.util.Objects;

/**
 * A message for one device, as the caller sent it.
 *
 * @param device the tenant (the caller) and the device
 * @param payload the message exactly as the device receives it (a JSON value; the API checks it)
 */
public record PublishRequest(DeviceKey device, PublishOptions options, byte[] payload) {

    public PublishRequest {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(payload, "payload");
    }
}
