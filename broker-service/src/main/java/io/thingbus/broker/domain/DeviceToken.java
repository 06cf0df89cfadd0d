package io.thingbus.broker.domain;

import io.thingbus.contracts.SecretHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A device token: the MQTT password of a ThingScale device and the first level of every topic it may use
 * ({@code <DEVICE_TOKEN>/json/<DEVICE_ID>}). 1–{@value #MAX_LENGTH} ASCII letters or digits, so it is always exactly
 * one topic level. device-service issues 32-character tokens; the edge accepts any length up to the maximum.
 *
 * <p>A token is a secret: {@link #toString()} never shows it, and the credential store only ever sees its
 * {@link SecretHash}. Instances are immutable and thread-safe.
 */
public final class DeviceToken {

    public static final int MAX_LENGTH = 128;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9]{1," + MAX_LENGTH + "}");

    private final String value;
    private final SecretHash hash;

    private DeviceToken(String value) {
        this.value = value;
        this.hash = SecretHash.of(value);
    }

    /** @throws IllegalArgumentException when {@code value} is not 1–128 letters or digits (the message never echoes it) */
    public static DeviceToken of(String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException("a device token is 1-" + MAX_LENGTH + " letters or digits");
        }
        return new DeviceToken(value);
    }

    /** Whether {@code value} would make a valid token; never throws. */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    /** The hash the credential store knows the token by; computed once. */
    public SecretHash hash() {
        return hash;
    }

    /** Whether a topic level is this token (case-sensitive, in time independent of where they differ). */
    public boolean matches(String topicLevel) {
        return topicLevel != null && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), topicLevel.getBytes(StandardCharsets.UTF_8));
    }

    /** The token itself, to build the topic prefix a client may subscribe to. Never log it. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceToken other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "DeviceToken[hash=" + hash.value().substring(0, 8) + "…]";
    }
}
