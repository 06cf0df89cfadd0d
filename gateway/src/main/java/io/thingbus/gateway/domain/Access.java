package io.thingbus.gateway.domain;

/** Who may use a route, and how the gateway checks it. */
public enum Access {

    /** A tenant with a valid API key; the gateway authenticates it and tells the upstream the tenant. */
    API_KEY,

    /**
     * The operator: the gateway asks for no API key and forwards the {@code X-Admin-Key} header unchanged; the
     * upstream checks it.
     */
    OPERATOR
}
