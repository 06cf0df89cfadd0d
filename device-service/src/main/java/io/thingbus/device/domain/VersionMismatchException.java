package io.thingbus.device.domain;

/** A conditional write named a version that is not the current one. */
public class VersionMismatchException extends RegistryException {

    public VersionMismatchException() {
        super("the device was changed since that version");
    }
}
