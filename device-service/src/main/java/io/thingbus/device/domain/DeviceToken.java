package io.thingbus.device.domain;

import io.thingbus.contracts.SecretHash;

/**
 * A device token: the MQTT password of a user's devices and the first level of ThingScale topics
 * ({@code <DEVICE_TOKEN>/json/<DEVICE_ID>}). Exactly {@value #LENGTH} letters or digits. {@link #toString()} masks
 * it so a token never lands in a log by accident.
 */
public record DeviceToken(String value) {

    public static final int LENGTH = 32;

    public DeviceToken {
        if (!Alphanumeric.isLettersAndDigits(value, LENGTH)) {
            throw new IllegalArgumentException("a device token is " + LENGTH + " letters or digits");
        }
    }

    public static DeviceToken of(String value) {
        return new DeviceToken(value);
    }

    /** What the broker looks the token up by. */
    public SecretHash hash() {
        return SecretHash.of(value);
    }

    @Override
    public String toString() {
        return "DeviceToken[" + value.substring(0, 4) + "…]";
    }
}
