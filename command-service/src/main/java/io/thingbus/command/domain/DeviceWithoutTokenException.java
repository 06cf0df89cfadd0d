package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;

/**
 * The device exists but the registry names no device token for it, so its ThingScale downlink topic
 * ({@code <TOKEN>/<DEVICE_ID>/subscribe}) cannot be known.
 */
public final class DeviceWithoutTokenException extends CommandException {

    public DeviceWithoutTokenException(DeviceKey key) {
        super("device " + key + " has no device token yet");
    }
}
