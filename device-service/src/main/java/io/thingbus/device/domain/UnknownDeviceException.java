package io.thingbus.device.domain;

/** There is no such device in the caller's registry (another tenant's device is reported the same way). */
public class UnknownDeviceException extends RegistryException {

    public UnknownDeviceException() {
        super("no such device");
    }
}
