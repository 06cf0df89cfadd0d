package io.thingbus.device.domain;

/** A device with that id is already registered for the caller. */
public class DeviceAlreadyExistsException extends RegistryException {

    public DeviceAlreadyExistsException() {
        super("the device already exists");
    }
}
