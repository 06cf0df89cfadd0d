package io.thingbus.gateway.domain;

/**
 * The seam for rate limits and quotas: decides whether an authenticated request may be forwarded now. The gateway
 * asks after authentication and before forwarding, once per request on an {@link Access#API_KEY} route; operator
 * ({@link Access#OPERATOR}) requests are not asked about.
 *
 * <p>Threading: called on an I/O event loop, concurrently for many requests; implementations must be thread-safe and
 * must not block (no I/O, no locks held for long).
 */
@FunctionalInterface
public interface AdmissionPolicy {

    /**
     * Returns normally to admit the request.
     *
     * @param caller never null
     * @param route never null
     * @throws RequestNotAdmittedException to refuse it; the caller receives 429 with {@code Retry-After}
     */
    void admit(Caller caller, Route route);

    /** Admits every request: the policy until plans get limits. */
    static AdmissionPolicy unlimited() {
        return (caller, route) -> {
        };
    }
}
