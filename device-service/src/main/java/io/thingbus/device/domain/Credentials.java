package io.thingbus.device.domain;

import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Optional;

/** API keys (by hash) and device tokens of users, in the current transaction. The user must exist. */
public interface Credentials {

    /** Stores an API key's hash; false (and nothing stored) when that hash exists already. */
    boolean addApiKey(TenantId owner, SecretHash keyHash, Instant createdAt);

    /** Removes the key if {@code owner} has it; false otherwise. */
    boolean removeApiKey(TenantId owner, SecretHash keyHash);

    /** Stores a device token; false (and nothing stored) when that token exists already. */
    boolean addDeviceToken(TenantId owner, DeviceToken token, Instant createdAt);

    /** Removes the token if {@code owner} has it; false otherwise. */
    boolean removeDeviceToken(TenantId owner, DeviceToken token);

    boolean ownsDeviceToken(TenantId owner, DeviceToken token);

    /** The owner's oldest device token, the default of new devices; empty when the owner has none. */
    Optional<DeviceToken> firstDeviceToken(TenantId owner);

    /** The owner's token with this hash; empty when the owner has no such token (any more). */
    Optional<DeviceToken> deviceTokenByHash(TenantId owner, SecretHash tokenHash);
}
