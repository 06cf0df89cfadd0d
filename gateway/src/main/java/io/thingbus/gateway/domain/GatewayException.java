package io.thingbus.gateway.domain;

/**
 * Why the gateway refused or could not complete a request. The message is written for the caller for refusals
 * (4xx) and for the operator's log for failures (5xx). Carries no HTTP status: the API layer maps each subtype.
 * Refusals are expected traffic, so they record no stack trace.
 */
public abstract class GatewayException extends RuntimeException {

    protected GatewayException(String message) {
        super(message, null, false, false);
    }

    protected GatewayException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
