package io.thingbus.broker.domain;

import io.thingbus.contracts.SecretHash;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The device tokens this instance has seen in connections it authenticated, by hash: what lets it put the plain token
 * back into a downlink topic ({@code {token}/<DEVICE_ID>/subscribe}), because only hashes travel over Kafka. A token
 * never seen here means no session of it exists here.
 *
 * <p>Bounded: beyond {@code capacity} tokens the least recently used one is forgotten. Thread-safe; every call holds
 * a short lock (a hash-map operation), never blocks otherwise.
 */
public final class KnownTokens {

    private final Map<SecretHash, DeviceToken> tokens;

    /** @param capacity how many tokens are remembered at most (at least 1) */
    public KnownTokens(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("thingbus.broker.downlink.known-tokens must be at least 1");
        }
        this.tokens = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SecretHash, DeviceToken> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers {@code token} (again), making it the most recently used. */
    public synchronized void learn(DeviceToken token) {
        tokens.put(token.hash(), token);
    }

    /** The token with this hash, if this instance has seen it and not forgotten it since. */
    public synchronized Optional<DeviceToken> byHash(SecretHash hash) {
        return Optional.ofNullable(tokens.get(hash));
    }

    public synchronized int size() {
        return tokens.size();
    }
}
