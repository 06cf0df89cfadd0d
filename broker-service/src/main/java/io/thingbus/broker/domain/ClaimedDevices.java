package io.thingbus.broker.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The devices other users claimed away from their owners, by the former owner's device key: the local copy of the
 * compacted device claims topic. A device claimed from A by B, and later given on from B to C, is two claims,
 * {@code A/D → B} and {@code B/D → C}; what A's gateway sends for {@code D} belongs to C.
 *
 * <p>Cycles: when C gives the device back to A, device-service writes {@code C/D → A} and a tombstone for {@code A/D};
 * the two live under different keys and thus partitions, so for a moment this instance may hold
 * {@code A → B → C → A}. A walk remembers the users it passed and ends at the first user it reaches a second time: for
 * a walk from a user inside the cycle that is the user itself (A's gateway's data stays A's — A is getting the device
 * back — and never goes to B or C, nor does C reach A's gateway); for a walk that enters the cycle from outside, the
 * user where it entered. {@value #MAX_HOPS} claims are followed at most, as a bound on the work of one look-up: a chain
 * (or a cycle) of more users is cut there, at the user the walk reached.
 *
 * <p>It starts empty and not {@linkplain #isCurrent() current}; the claims listener fills it from the beginning of the
 * topic and marks it current once it has read everything that existed at start-up.
 *
 * <p>Thread-safe: one writer (the claims listener) and any number of readers (HiveMQ threads, the delivery
 * listeners). Every call holds one short lock (hash-map look-ups only); never blocks otherwise.
 */
public final class ClaimedDevices implements DeviceOwners {

    /** How many claims a chain is followed for at most. */
    public static final int MAX_HOPS = 8;

    /** former device key → the user who claimed it */
    private final Map<DeviceKey, TenantId> claimers = new HashMap<>();
    /** claimer's device key → the users it was claimed from */
    private final Map<DeviceKey, Set<TenantId>> formerOwners = new HashMap<>();
    private volatile boolean current;

    /** {@code claimer} claimed the device away from {@code former}'s user; replaces an earlier claim of that key. */
    public synchronized void claimed(DeviceKey former, TenantId claimer) {
        Objects.requireNonNull(former, "former");
        Objects.requireNonNull(claimer, "claimer");
        if (former.tenant().equals(claimer)) {
            throw new IllegalArgumentException("a user cannot claim a device from itself");
        }
        TenantId previous = claimers.put(former, claimer);
        if (previous != null) {
            forgetFormerOwner(former, previous);
        }
        formerOwners.computeIfAbsent(DeviceKey.of(claimer, former.device()), k -> new HashSet<>()).add(former.tenant());
    }

    /** {@code former}'s user has the device again (a tombstone); a no-op when it was not claimed away. */
    public synchronized void reclaimed(DeviceKey former) {
        TenantId previous = claimers.remove(Objects.requireNonNull(former, "former"));
        if (previous != null) {
            forgetFormerOwner(former, previous);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Follows the claims from {@code gatewayTenant}'s key to a user with no claim of the device, or to the first
     * user it reaches a second time (a cycle, see above), or for at most {@value #MAX_HOPS} claims.
     */
    @Override
    public synchronized TenantId ownerOf(TenantId gatewayTenant, DeviceId device) {
        TenantId owner = Objects.requireNonNull(gatewayTenant, "gatewayTenant");
        Set<TenantId> visited = new HashSet<>(Set.of(owner));
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            TenantId claimer = claimers.get(DeviceKey.of(owner, device));
            if (claimer == null) {
                return owner;
            }
            if (!visited.add(claimer)) {
                return claimer;
            }
            owner = claimer;
        }
        return owner;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The candidates are the users whose claims lead to {@code device}'s owner within {@value #MAX_HOPS} claims
     * (each user once, so a cycle ends the search); each is kept only when {@link #ownerOf} answers the owner for it,
     * so both questions agree in a cycle too: the users of a cycle carry the device for themselves only.
     */
    @Override
    public synchronized Set<TenantId> gatewayTenantsOf(DeviceKey device) {
        Set<TenantId> tenants = new LinkedHashSet<>();
        for (TenantId candidate : formerOwnersUpTo(device, MAX_HOPS)) {
            if (ownerOf(candidate, device.device()).equals(device.tenant())) {
                tenants.add(candidate);
            }
        }
        return tenants;
    }

    /** How many devices are claimed away from a user (claims known, for metrics). */
    public synchronized int size() {
        return claimers.size();
    }

    /** Records that every claim published before start-up has been read. Stays current from then on. */
    public void markCurrent() {
        current = true;
    }

    /** Whether every claim published before start-up has been read. */
    public boolean isCurrent() {
        return current;
    }

    /** {@code device}'s owner and the users it was claimed from, directly or through at most {@code hops} claims. */
    private Set<TenantId> formerOwnersUpTo(DeviceKey device, int hops) {
        Set<TenantId> found = new LinkedHashSet<>();
        found.add(device.tenant());
        Deque<TenantId> level = new ArrayDeque<>(found);
        for (int hop = 0; hop < hops && !level.isEmpty(); hop++) {
            Deque<TenantId> next = new ArrayDeque<>();
            for (TenantId owner : level) {
                for (TenantId former : formerOwners.getOrDefault(DeviceKey.of(owner, device.device()), Set.of())) {
                    if (found.add(former)) {
                        next.add(former);
                    }
                }
            }
            level = next;
        }
        return found;
    }

    private void forgetFormerOwner(DeviceKey former, TenantId claimer) {
        DeviceKey claimed = DeviceKey.of(claimer, former.device());
        Set<TenantId> formers = formerOwners.get(claimed);
        if (formers != null && formers.remove(former.tenant()) && formers.isEmpty()) {
            formerOwners.remove(claimed);
        }
    }
}
