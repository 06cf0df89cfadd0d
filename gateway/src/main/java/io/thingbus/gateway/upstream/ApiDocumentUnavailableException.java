package io.thingbus.gateway.upstream;

/**
 * A service's OpenAPI document could not be fetched, or what it answered is no OpenAPI document. The message names
 * the service and the reason; it is meant for the gateway's log only.
 */
class ApiDocumentUnavailableException extends RuntimeException {

    ApiDocumentUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
