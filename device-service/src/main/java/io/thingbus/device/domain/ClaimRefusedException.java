package io.thingbus.device.domain;

/**
 * No open claiming window matches the device id and secret key: there is none, it expired, or the secret is wrong.
 * Deliberately one exception for all three, so a wrong secret does not reveal whether the device exists.
 */
public class ClaimRefusedException extends RegistryException {

    public ClaimRefusedException() {
        super("no open claiming window matches this device id and secret key");
    }
}
