package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registers devices the first time their telemetry is seen (ThingScale's auto-provisioning), as
 * {@link UplinkRegistration} describes: devices of tenants that are not registered users, and devices claimed away
 * from the tenant, are not provisioned. Idempotent: a replayed record registers nothing twice.
 * Safe for concurrent use, though one consumer thread is the expected caller.
 */
public final class AutoProvisioning {

    /** A device seen in telemetry, with the hash of the token it published under when the dialect has one. */
    public record SeenDevice(DeviceKey key, Optional<SecretHash> tokenHash) {
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
     * instance cost nothing (a device skipped because its tenant is unknown or it was claimed away is remembered as
     * well, so it is counted once per {@link KnownDevices} lifetime). Returns only after the registrations committed.
     *
     * @throws RuntimeException on a storage failure; nothing was registered then and the call may be repeated
     */
    public RegistrationCounts provision(Collection<SeenDevice> seen) {
        Map<DeviceKey, Optional<SecretHash>> unknown = new LinkedHashMap<>();
        for (SeenDevice device : seen) {
            if (!knownDevices.contains(device.key())) {
                unknown.putIfAbsent(device.key(), device.tokenHash());
            }
        }
        if (unknown.isEmpty()) {
            return RegistrationCounts.NONE;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RegistrationCounts counts = store.inTransaction(tx -> registerAll(new UplinkRegistration(tx, now), unknown));
        unknown.keySet().forEach(knownDevices::remember);
        return counts;
    }

    private static RegistrationCounts registerAll(UplinkRegistration registration,
                                                  Map<DeviceKey, Optional<SecretHash>> devices) {
        RegistrationCounts counts = RegistrationCounts.NONE;
        for (Map.Entry<DeviceKey, Optional<SecretHash>> device : devices.entrySet()) {
            counts = counts.plus(registration.ensureRegistered(device.getKey(), device.getValue()));
        }
        return counts;
    }
}
