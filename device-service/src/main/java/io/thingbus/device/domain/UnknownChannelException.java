package io.thingbus.device.domain;

/**
 * The channel named for a device's telemetry is not one of the caller's channels (as far as the registry has read the
 * channels topic): it does not exist, was deleted, or belongs to another tenant.
 */
public class UnknownChannelException extends RegistryException {

    public UnknownChannelException() {
        super("not one of your channels");
    }
}
