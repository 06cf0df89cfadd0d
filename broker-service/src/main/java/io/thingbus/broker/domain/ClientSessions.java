package io.thingbus.broker.domain;

import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which tenant each MQTT client id of this instance belongs to, for as long as its session may live. HiveMQ keys
 * sessions by client id alone, while client ids are chosen by devices — and a gateway's client id is its device id,
 * so two tenants may well both call their gateway {@code gw-1}. Without this, the second tenant's connection would
 * take over the first one's session (its subscriptions and queued messages). So:
 * <ul>
 * <li>a connection may {@linkplain #claim claim} a client id unless it is held by another tenant: by a connection
 * that is open or just authenticating, or by a persistent session that may still exist;</li>
 * <li>{@link #ownerOf} tells the downlink path whether a client id is the record's tenant's before it publishes to
 * that one client.</li>
 * </ul>
 * A persistent session (session expiry &gt; 0) is assumed to live for the broker's maximum session expiry after its
 * connection ended: at least as long as HiveMQ keeps it, whatever the client asked for or changed at DISCONNECT.
 * A connection that authenticated but never completed its CONNECT holds its claim for at most a minute.
 *
 * <p>Thread-safe; every call holds one short lock (map operations; expired entries are purged at most once a
 * minute). Never blocks otherwise.
 */
public final class ClientSessions {

    /** How long an authenticated connection may take to complete its CONNECT before its claim lapses. */
    static final Duration PENDING_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final Clock clock;
    private final Duration maxSessionExpiry;
    private final Map<String, Entry> entries = new HashMap<>();
    private Instant nextPurge = Instant.MIN;

    /** @param maxSessionExpiry the broker's longest session expiry ({@code thingbus.broker.sessions.max-expiry}) */
    public ClientSessions(Clock clock, Duration maxSessionExpiry) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxSessionExpiry = Objects.requireNonNull(maxSessionExpiry, "maxSessionExpiry");
    }

    /**
     * A connection of {@code tenant} authenticated with {@code clientId}: claims the id for it.
     *
     * @return false (nothing changes) when another tenant holds the client id
     */
    public synchronized boolean claim(String clientId, TenantId tenant, String connectionId) {
        Instant now = clock.instant();
        purgeIfDue(now);
        Entry held = entries.get(clientId);
        if (held != null && held.holds(now) && !held.tenant().equals(tenant)) {
            return false;
        }
        Instant previousSession = held != null && held.tenant().equals(tenant) ? held.sessionEndsAt() : null;
        entries.put(clientId, new Entry(tenant, connectionId, now, previousSession));
        return true;
    }

    /** The connection completed its CONNECT: it holds the client id while it is open. */
    public synchronized void established(String clientId, String connectionId) {
        Entry held = entries.get(clientId);
        if (held != null && connectionId.equals(held.connectionId())) {
            entries.put(clientId, new Entry(held.tenant(), connectionId, null, null));
        }
    }

    /**
     * The connection ended. A no-op when a newer connection of the same client id has claimed it since.
     *
     * @param established whether the connection had completed its CONNECT
     * @param sessionExpirySeconds the session expiry the client asked for; 0 = the session ends with the connection
     */
    public synchronized void ended(String clientId, String connectionId, boolean established, long sessionExpirySeconds) {
        Entry held = entries.get(clientId);
        if (held == null || !connectionId.equals(held.connectionId())) {
            return;
        }
        Instant now = clock.instant();
        Instant sessionEndsAt = established
                ? (sessionExpirySeconds > 0 ? now.plus(maxSessionExpiry) : null)
                : held.sessionEndsAt();
        Entry offline = new Entry(held.tenant(), null, null, sessionEndsAt);
        if (offline.holds(now)) {
            entries.put(clientId, offline);
        } else {
            entries.remove(clientId);
        }
    }

    /** The tenant holding {@code clientId} on this instance, or empty when no connection or session has it. */
    public synchronized Optional<TenantId> ownerOf(String clientId) {
        Entry held = entries.get(clientId);
        return held != null && held.holds(clock.instant()) ? Optional.of(held.tenant()) : Optional.empty();
    }

    /** How many client ids are held (for tests and metrics). */
    public synchronized int size() {
        Instant now = clock.instant();
        return (int) entries.values().stream().filter(e -> e.holds(now)).count();
    }

    /** How many entries are kept in memory, expired ones not purged yet included. */
    synchronized int entriesKept() {
        return entries.size();
    }

    private void purgeIfDue(Instant now) {
        if (now.isBefore(nextPurge)) {
            return;
        }
        entries.values().removeIf(entry -> !entry.holds(now));
        nextPurge = now.plus(PURGE_INTERVAL);
    }

    /**
     * @param connectionId the connection holding the id, or null when none is open
     * @param pendingSince when that connection authenticated, while its CONNECT is not complete; null otherwise
     * @param sessionEndsAt until when a persistent session without connection may exist; null when none may
     */
    private record Entry(TenantId tenant, String connectionId, Instant pendingSince, Instant sessionEndsAt) {

        boolean holds(Instant now) {
            boolean open = connectionId != null
                    && (pendingSince == null || now.isBefore(pendingSince.plus(PENDING_TIMEOUT)));
            return open || (sessionEndsAt != null && now.isBefore(sessionEndsAt));
        }
    }
}
