package io.thingbus.gateway.upstream;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where one upstream service listens, parsed from its configured base URL ({@code http(s)://host[:port][/prefix]}).
 *
 * @param basePath empty, or a path prefix starting with {@code /} and not ending with one
 */
record UpstreamAddress(String host, int port, boolean tls, String basePath) {

    UpstreamAddress {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(basePath, "basePath");
    }

    /**
     * @param setting the configuration key, for the error message
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL without query or fragment
     */
    static UpstreamAddress parse(String setting, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(setting, url, "the scheme must be http or https");
        }
        if (url.getHost() == null) {
            throw invalid(setting, url, "a host is required");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw invalid(setting, url, "no user info, query or fragment is allowed");
        }
        boolean tls = scheme.equals("https");
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        return new UpstreamAddress(url.getHost(), port, tls, path);
    }

    /** The request target on the upstream for a caller's raw path and query (query may be null). */
    String requestUri(String path, String query) {
        return basePath + path + (query == null ? "" : "?" + query);
    }

    private static IllegalArgumentException invalid(String setting, URI url, String why) {
        return new IllegalArgumentException(setting + "=" + url + " is not a valid upstream URL: " + why);
    }
}
