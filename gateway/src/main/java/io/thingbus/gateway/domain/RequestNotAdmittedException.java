package io.thingbus.gateway.domain;

import java.time.Duration;
import java.util.Objects;

/** An {@link AdmissionPolicy} refused the request for now (a rate limit or quota); it may be retried later. */
public class RequestNotAdmittedException extends GatewayException {

    private final transient Duration retryAfter;

    /**
     * @param reason for the caller, e.g. "the plan allows 10 requests per second"
     * @param retryAfter when the caller may try again; zero or positive
     */
    public RequestNotAdmittedException(String reason, Duration retryAfter) {
        super(reason);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
