package io.thingbus.event.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a webhook is posted: an absolute {@code http} or {@code https} URL with a host, at most 2048 characters,
 * without user info (credentials belong in a header the receiver checks, here the signature) or fragment.
 */
public record WebhookUrl(URI uri) {

    public static final int MAX_LENGTH = 2048;

    public WebhookUrl {
        Objects.requireNonNull(uri, "url");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("must name a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not contain user info or a fragment");
        }
    }

    /** @throws IllegalArgumentException when the text is not such a URL */
    public static WebhookUrl of(String text) {
        Objects.requireNonNull(text, "url");
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        try {
            return new WebhookUrl(new URI(text));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
    }

    /** Scheme, host and port only ({@code https://hooks.example.com:8443}): what may be shown where secrets may not. */
    public String origin() {
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost();
        return uri.getPort() < 0 ? origin : origin + ":" + uri.getPort();
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
