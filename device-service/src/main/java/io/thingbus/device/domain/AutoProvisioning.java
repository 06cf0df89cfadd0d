package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registers devices the first time their telemetry is seen (ThingScale's auto-provisioning): provisioning
 * {@code auto}, name = device id, token = the user's first device token, default channel. Devices of tenants that are
 * not registered users are not provisioned. Idempotent: a replayed record registers nothing twice.
 * Safe for concurrent use, though one consumer thread is the expected caller.
 */
public final class AutoProvisioning {

    /** What one call did. */
    public record Outcome(int registered, int unknownTenant) {
    }

    private final RegistryStore store;
    private final KnownDevices knownDevices;
    private final Clock clock;

    public AutoProvisioning(RegistryStore store, KnownDevices knownDevices, Clock clock) {
        this.store = store;
        this.knownDevices = knownDevices;
        this.clock = clock;
    }

    /**
     * Makes sure every device in {@code seen} is registered, in one transaction. Devices already known to this
     * instance cost nothing. Returns only after the registrations committed.
     *
     * @throws RuntimeException on a storage failure; nothing was registered then and the call may be repeated
     */
    public Outcome provision(Collection<DeviceKey> seen) {
        Set<DeviceKey> unknown = new LinkedHashSet<>();
        for (DeviceKey key : seen) {
            if (!knownDevices.contains(key)) {
                unknown.add(key);
            }
        }
        if (unknown.isEmpty()) {
            return new Outcome(0, 0);
        }
        Outcome outcome = store.inTransaction(tx -> registerAll(tx, unknown));
        unknown.forEach(knownDevices::remember);
        return outcome;
    }

    private Outcome registerAll(RegistryTransaction tx, Set<DeviceKey> keys) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<TenantId, Boolean> tenantExists = new HashMap<>();
        int registered = 0;
        int unknownTenant = 0;
        for (DeviceKey key : keys) {
            if (!tenantExists.computeIfAbsent(key.tenant(), tx.users()::exists)) {
                unknownTenant++;
            } else if (register(tx, key, now)) {
                registered++;
            }
        }
        return new Outcome(registered, unknownTenant);
    }

    private static boolean register(RegistryTransaction tx, DeviceKey key, Instant now) {
        Optional<DeviceToken> token = tx.credentials().firstDeviceToken(key.tenant());
        Device device = Device.registered(key, DeviceName.defaultFor(key.device()), token, Provisioning.AUTO, now);
        if (!tx.devices().insert(device)) {
            return false;
        }
        tx.outbox().append(OutboxMessages.deviceChanged(device));
        return true;
    }
}
