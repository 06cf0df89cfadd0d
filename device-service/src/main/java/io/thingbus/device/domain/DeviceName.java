package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceId;

/** A device's display name: 1–128 printable characters, outer blanks stripped. Defaults to the device id. */
public record DeviceName(String value) {

    public static final int MAX_LENGTH = 128;

    public DeviceName {
        value = Text.requirePrintable(value, "name", MAX_LENGTH);
    }

    public static DeviceName of(String value) {
        return new DeviceName(value);
    }

    /** The name a device gets when nobody chose one: its id (a valid id is always a valid name). */
    public static DeviceName defaultFor(DeviceId device) {
        return new DeviceName(device.value());
    }
}
