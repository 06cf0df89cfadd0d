package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registers devices the first time their telemetry is seen (ThingScale's auto-provisioning): provisioning
 * {@code auto}, name = device id, token = the token the device published under (falling back to the user's first
 * token when the record does not name one the user still has), default channel. Devices of tenants that are
 * not registered users are not provisioned. Idempotent: a replayed record registers nothing twice.
 * Safe for concurrent use, though one consumer thread is the expected caller.
 */
public final class AutoProvisioning {

    /** A device seen in telemetry, with the hash of the token it published under when the dialect has one. */
    public record SeenDevice(DeviceKey key, Optional<SecretHash> tokenHash) {
    }

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
    public Outcome provision(Collection<SeenDevice> seen) {
        Map<DeviceKey, Optional<SecretHash>> unknown = new LinkedHashMap<>();
        for (SeenDevice device : seen) {
            if (!knownDevices.contains(device.key())) {
                unknown.putIfAbsent(device.key(), device.tokenHash());
            }
        }
        if (unknown.isEmpty()) {
            return new Outcome(0, 0);
        }
        Outcome outcome = store.inTransaction(tx -> registerAll(tx, unknown));
        unknown.keySet().forEach(knownDevices::remember);
        return outcome;
    }

    private Outcome registerAll(RegistryTransaction tx, Map<DeviceKey, Optional<SecretHash>> devices) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<TenantId, Boolean> tenantExists = new HashMap<>();
        int registered = 0;
        int unknownTenant = 0;
        for (Map.Entry<DeviceKey, Optional<SecretHash>> device : devices.entrySet()) {
            DeviceKey key = device.getKey();
            if (!tenantExists.computeIfAbsent(key.tenant(), tx.users()::exists)) {
                unknownTenant++;
            } else if (register(tx, key, device.getValue(), now)) {
                registered++;
            }
        }
        return new Outcome(registered, unknownTenant);
    }

    private static boolean register(RegistryTransaction tx, DeviceKey key, Optional<SecretHash> tokenHash,
                                    Instant now) {
        Optional<DeviceToken> token = tokenHash
                .flatMap(hash -> tx.credentials().deviceTokenByHash(key.tenant(), hash))
                .or(() -> tx.credentials().firstDeviceToken(key.tenant()));
        Device device = Device.registered(key, DeviceName.defaultFor(key.device()), token, Provisioning.AUTO, now);
        if (!tx.devices().insert(device)) {
            return false;
        }
        tx.outbox().append(OutboxMessages.deviceChanged(device));
        return true;
    }
}
