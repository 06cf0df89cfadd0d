package io.thingbus.device.domain;

/**
 * Why the registry refused a request. Carries no transport code: the API layer decides how each kind is answered.
 * Expected in normal operation, so it records no stack trace.
 */
public abstract class RegistryException extends RuntimeException {

    protected RegistryException(String message) {
        super(message, null, false, false);
    }
}
