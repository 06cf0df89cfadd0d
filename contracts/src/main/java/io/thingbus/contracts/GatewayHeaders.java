package io.thingbus.contracts;

/**
 * HTTP headers between the REST gateway and the service slices. The gateway authenticates the caller's API key,
 * removes any of these headers the caller sent, and sets them for the slice, which trusts them (slices are not
 * reachable from outside the cluster).
 */
public final class GatewayHeaders {

    /** The authenticated tenant (user id) a request acts for. */
    public static final String TENANT = "X-Thingbus-Tenant";

    /** The operator's admin key, passed through unchanged to the admin endpoints of device-service. */
    public static final String ADMIN_KEY = "X-Admin-Key";

    private GatewayHeaders() {
    }
}
