package io.thingbus.gateway.domain;

/** The upstream service did not connect or answer within the configured time. */
public class UpstreamTimeoutException extends GatewayException {

    public UpstreamTimeoutException(Upstream upstream, Throwable cause) {
        super(upstream.serviceName() + " did not answer in time: " + cause, cause);
    }
}
