package io.thingbus.gateway.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The server the API document names: the gateway's external base URL ({@code https://api.example.com}, without a
 * trailing slash), or the relative {@code /} when none is configured.
 */
public record ServerUrl(String value) {

    private static final ServerUrl RELATIVE = new ServerUrl("/");

    public ServerUrl {
        Objects.requireNonNull(value, "value");
    }

    /** {@code /}: tools resolve it against the URL they loaded the document from. */
    public static ServerUrl relative() {
        return RELATIVE;
    }

    /**
     * @throws IllegalArgumentException unless {@code url} is an absolute http(s) URL with a host and without user
     *     info, query or fragment
     */
    public static ServerUrl of(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException(url + " is not an absolute http or https URL with a host");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(url + " must have no user info, query or fragment");
        }
        return new ServerUrl(url.toString().replaceAll("/+$", ""));
    }
}
