package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import java.time.Instant;
import java.util.Objects;

/**
 * A claiming window (ThingsBoard's {@code v1/gateway/claim}): until {@code expiresAt}, another user who knows the
 * secret may claim the device {@code device}.
 *
 * @param secretHash the SHA-256 of the secret key (of the empty string when the device gave none)
 * @param openedAt when the device asked for the window
 */
public record ClaimWindow(DeviceKey device, SecretHash secretHash, Instant openedAt, Instant expiresAt) {

    public ClaimWindow {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(openedAt)) {
            throw new IllegalArgumentException("a claiming window must end after it opens");
        }
    }

    public boolean isOpenAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
