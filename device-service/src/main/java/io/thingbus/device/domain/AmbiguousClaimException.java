package io.thingbus.device.domain;

/** Open claiming windows of several users match the device id and secret key: which device is meant is unclear. */
public class AmbiguousClaimException extends RegistryException {

    public AmbiguousClaimException() {
        super("several devices with this id are open for claiming with this secret key; the device must use a "
                + "secret key of its own");
    }
}
