package io.thingbus.gateway.domain;

/** The upstream service could not be reached, or broke the exchange before it answered. */
public class UpstreamUnreachableException extends GatewayException {

    public UpstreamUnreachableException(Upstream upstream, Throwable cause) {
        super(upstream.serviceName() + " is unreachable: " + cause, cause);
    }
}
