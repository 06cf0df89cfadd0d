package io.thingbus.gateway.domain;

/** The API key is not one the gateway knows: never issued, or revoked. The two are not told apart. */
public class UnknownApiKeyException extends GatewayException {

    public UnknownApiKeyException() {
        super("the API key is not valid");
    }
}
