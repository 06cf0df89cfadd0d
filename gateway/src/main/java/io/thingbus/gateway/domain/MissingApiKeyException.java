package io.thingbus.gateway.domain;

/** The request carries no API key, or carries it in a form the gateway does not read. */
public class MissingApiKeyException extends GatewayException {

    public MissingApiKeyException(String message) {
        super(message);
    }
}
