package io.thingbus.device.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The operator's key for the admin API, from configuration. At least {@value #MIN_LENGTH} characters so that it cannot
 * be guessed. Comparison takes the same time whatever the presented key is. Never printed.
 */
public final class AdminKey {

    public static final int MIN_LENGTH = 16;

    private final byte[] digest;

    private AdminKey(String key) {
        this.digest = sha256(key);
    }

    /** @throws IllegalArgumentException when the key is missing, blank or shorter than {@value #MIN_LENGTH} */
    public static AdminKey of(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("the admin key is missing");
        }
        if (key.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the admin key must be at least " + MIN_LENGTH + " characters");
        }
        return new AdminKey(key);
    }

    /** Whether {@code presented} is this key; false for null. Constant-time in the key's content. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AdminKey[***]";
    }
}
