package io.thingbus.device.domain;

/** There is no such user (or it is not the caller's). */
public class UnknownUserException extends RegistryException {

    public UnknownUserException() {
        super("no such user");
    }
}
