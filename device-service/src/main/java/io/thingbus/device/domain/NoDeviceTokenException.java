package io.thingbus.device.domain;

/** A device was to get the caller's default token, but the caller has no device token left. */
public class NoDeviceTokenException extends RegistryException {

    public NoDeviceTokenException() {
        super("you have no device token: ask the operator for one");
    }
}
