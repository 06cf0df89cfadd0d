package io.thingbus.gateway.domain;

/** No service answers this path. */
public class NoRouteException extends GatewayException {

    public NoRouteException(String path) {
        super("no service answers " + path);
    }
}
