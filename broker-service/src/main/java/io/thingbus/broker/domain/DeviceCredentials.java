package io.thingbus.broker.domain;

import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The device tokens the edge accepts, by hash, with the tenant that owns each: the local copy of the compacted
 * credentials topic. It starts empty and not {@linkplain #isCurrent() current}; the credential listener fills it from
 * the beginning of the topic and marks it current once it has read everything that existed at start-up.
 *
 * <p>Thread-safe: one writer (the credential listener) and any number of readers (HiveMQ threads). Reads never
 * block.
 */
public final class DeviceCredentials {

    private final ConcurrentHashMap<SecretHash, TenantId> owners = new ConcurrentHashMap<>();
    private volatile boolean current;

    /** Accepts the token with this hash for {@code tenant}, replacing an earlier owner. */
    public void grant(SecretHash tokenHash, TenantId tenant) {
        owners.put(Objects.requireNonNull(tokenHash, "tokenHash"), Objects.requireNonNull(tenant, "tenant"));
    }

    /** Stops accepting the token with this hash; a no-op when it is unknown. */
    public void revoke(SecretHash tokenHash) {
        owners.remove(Objects.requireNonNull(tokenHash, "tokenHash"));
    }

    /** The tenant owning the token with this hash, or empty when the token is unknown or revoked. */
    public Optional<TenantId> ownerOf(SecretHash tokenHash) {
        return Optional.ofNullable(owners.get(tokenHash));
    }

    /** How many tokens are accepted. */
    public int size() {
        return owners.size();
    }

    /** Records that every credential published before start-up has been read. Stays current from then on. */
    public void markCurrent() {
        current = true;
    }

    /** Whether every credential published before start-up has been read: an unknown token is then really unknown. */
    public boolean isCurrent() {
        return current;
    }
}
