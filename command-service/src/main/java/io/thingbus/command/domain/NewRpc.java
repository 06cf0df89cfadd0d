package io.thingbus.command.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.contracts.DeviceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An RPC to store, before it has a number.
 *
 * @param claimedUntil when the caller is about to send it itself: until when no other dispatcher may take it
 */
public record NewRpc(DeviceKey device, String method, JsonNode params, boolean oneWay, Duration timeout,
        Instant createdAt, Instant expiresAt, Optional<Instant> claimedUntil) {

    public NewRpc {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(claimedUntil, "claimedUntil");
    }
}
