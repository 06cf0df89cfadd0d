package io.thingbus.gateway.domain;

import io.thingbus.contracts.ApiKeyRecord;
import io.thingbus.contracts.SecretHash;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API keys the gateway accepts, by hash: a copy of the compacted API-key topic in memory.
 *
 * <p>It starts empty and not {@linkplain #loaded() loaded}. The feed reading the topic {@linkplain #load loads} a
 * complete snapshot once it has read up to the end of the topic as it was at start-up, then {@linkplain #apply
 * applies} each later change. Until the first snapshot, no key can be judged.
 *
 * <p>Threading: one writer (the feed), any number of concurrent readers; readers never block and see each change
 * as soon as it is applied.
 */
public final class ApiKeyDirectory {

    private volatile Map<SecretHash, ApiKeyRecord> keys = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    /** Replaces every key with {@code snapshot} at once and marks the directory loaded. */
    public void load(Map<SecretHash, ApiKeyRecord> snapshot) {
        keys = new ConcurrentHashMap<>(Objects.requireNonNull(snapshot, "snapshot"));
        loaded = true;
    }

    /** Applies one change made after the last snapshot. */
    public void apply(ApiKeyChange change) {
        change.applyTo(keys);
    }

    /** The record of a valid key, or empty when the key is unknown or revoked (or nothing is loaded yet). */
    public Optional<ApiKeyRecord> find(SecretHash hash) {
        return Optional.ofNullable(keys.get(hash));
    }

    /** Whether a complete snapshot has been loaded; stays true once it is. */
    public boolean loaded() {
        return loaded;
    }

    /** How many keys are valid now. */
    public int size() {
        return keys.size();
    }
}
