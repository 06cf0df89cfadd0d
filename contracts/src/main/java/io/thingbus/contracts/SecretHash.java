package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The SHA-256 (lower-case hex) of a secret: a device token or an API key. Secrets never travel over Kafka, their
 * hashes do: the broker hashes the MQTT password, the gateway the API key, and both look the hash up in the state
 * they materialised from the credential topics.
 */
public record SecretHash(@JsonValue String value) {

    public SecretHash {
        Objects.requireNonNull(value, "hash");
        if (!value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
    }

    public static SecretHash of(String secret) {
        Objects.requireNonNull(secret, "secret");
        return new SecretHash(Sha256.hex(secret));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SecretHash parse(String hex) {
        return new SecretHash(hex);
    }

    @Override
    public String toString() {
        return value;
    }
}
