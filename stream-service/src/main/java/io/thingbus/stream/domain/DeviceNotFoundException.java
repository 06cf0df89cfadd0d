package io.thingbus.stream.domain;

import io.thingbus.contracts.DeviceId;

/**
 * The caller's tenant has no such device in the device registry (as materialised from the devices topic). Another
 * tenant's device is reported the same way, so its existence is never revealed.
 */
public final class DeviceNotFoundException extends StreamException {

    public DeviceNotFoundException(DeviceId device) {
        super("no device " + device);
    }
}
