package io.thingbus.gateway.domain;

/**
 * The gateway has not yet read every API key issued before it started, so it can neither accept nor refuse a key.
 * Passes after start-up; the caller should retry.
 */
public class ApiKeysNotLoadedException extends GatewayException {

    public ApiKeysNotLoadedException() {
        super("the gateway is still loading API keys");
    }
}
