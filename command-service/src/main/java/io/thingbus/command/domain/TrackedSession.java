package io.thingbus.command.domain;

import io.thingbus.contracts.SecretHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What this service keeps of a live session: its current connection, where it is, and the token it authenticated
 * with (which decides whose downlink its {@code <TOKEN>/#} filter receives).
 */
public record TrackedSession(SessionKey key, String connectionId, String broker, Optional<SecretHash> tokenHash,
        Instant connectedAt) {

    public TrackedSession {
        Objects.requireNonNull(key, "key");
        Text.require(connectionId, "connection_id");
        Text.require(broker, "broker");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }
}
