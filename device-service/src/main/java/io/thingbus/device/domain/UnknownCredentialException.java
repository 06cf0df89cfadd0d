package io.thingbus.device.domain;

/** The API key or device token to revoke does not exist for that user. */
public class UnknownCredentialException extends RegistryException {

    public UnknownCredentialException() {
        super("no such credential");
    }
}
