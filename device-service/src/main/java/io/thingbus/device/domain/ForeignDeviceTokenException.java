package io.thingbus.device.domain;

/** The device token given for a device is not one of the caller's tokens. */
public class ForeignDeviceTokenException extends RegistryException {

    public ForeignDeviceTokenException() {
        super("not one of your device tokens");
    }
}
