package io.thingbus.gateway.domain;

import java.util.Objects;

/**
 * A path prefix of the public REST API and the service that answers it. A prefix matches whole path segments:
 * {@code /device} matches {@code /device} and {@code /device/dev-1}, not {@code /devices}.
 *
 * @param prefix starts with {@code /}, does not end with one
 */
public record Route(String prefix, Upstream upstream, Access access) {

    public Route {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(access, "access");
        if (!prefix.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new IllegalArgumentException("a route prefix is one or more path segments, like /device: " + prefix);
        }
    }

    /** Whether this route answers {@code path} (a normalised path without query); false for null. */
    public boolean matches(String path) {
        return path != null && path.startsWith(prefix)
                && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
