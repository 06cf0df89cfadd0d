package io.thingbus.event.domain;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The per-rule key of webhook signatures: {@code whsec_} and 40 letters or digits (≈ 238 bits). The HMAC key is the
 * secret's UTF-8 bytes, prefix included. Shown once, when the rule is created.
 */
public record WebhookSecret(String value) {

    private static final Pattern VALID = Pattern.compile("whsec_[A-Za-z0-9]{40}");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public WebhookSecret {
        Objects.requireNonNull(value, "secret");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a webhook secret");
        }
    }

    /** A fresh random secret. Thread-safe when {@code random} is (SecureRandom is). */
    public static WebhookSecret random(SecureRandom random) {
        StringBuilder secret = new StringBuilder("whsec_");
        for (int i = 0; i < 40; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new WebhookSecret(secret.toString());
    }

    @Override
    public String toString() {
        return "whsec_…";
    }
}
