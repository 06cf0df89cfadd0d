package io.thingbus.command.domain;

/** The tenant has no such device (or the registry has not told this service about it yet). */
public final class DeviceNotFoundException extends CommandException {

    /** @param device the device as the caller named it, {@code <tenant>/<device id>}, for logs */
    public DeviceNotFoundException(String device) {
        super("no device " + device);
    }
}
