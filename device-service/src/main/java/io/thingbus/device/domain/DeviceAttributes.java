package io.thingbus.device.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.contracts.DeviceKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Device attributes (ThingsBoard's attributes API): client-side ones reported by devices and gateways, shared ones set
 * by the user and pushed to the device. Every change of shared attributes is announced as an attribute-update record
 * through the outbox, in the same transaction. Every call is scoped to the tenant in the device key. Thread-safe.
 */
public final class DeviceAttributes {

    /** Client-side attributes a device or its gateway reported ({@code v1/gateway/attributes}). */
    public record Report(DeviceKey device, AttributePatch patch) {

        public Report {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(patch, "patch");
        }
    }

    /** What one {@link #report} did. */
    public record Outcome(RegistrationCounts registrations, int stored) {
    }

    private final RegistryStore store;
    private final KnownDevices knownDevices;
    private final Clock clock;

    public DeviceAttributes(RegistryStore store, KnownDevices knownDevices, Clock clock) {
        this.store = store;
        this.knownDevices = knownDevices;
        this.clock = clock;
    }

    /**
     * The device's attributes of each of {@code scopes}, ordered by key; only {@code keys} when that is not empty.
     *
     * @throws UnknownDeviceException when the tenant has no such device
     */
    public Map<AttributeScope, SortedMap<AttributeKey, JsonNode>> read(DeviceKey device, Set<AttributeScope> scopes,
                                                                      Set<AttributeKey> keys) {
        return store.inTransaction(tx -> {
            tx.devices().find(device).orElseThrow(UnknownDeviceException::new);
            Map<AttributeScope, SortedMap<AttributeKey, JsonNode>> result = new EnumMap<>(AttributeScope.class);
            for (AttributeScope scope : scopes) {
                result.put(scope, only(keys, tx.attributes().read(device, scope)));
            }
            return result;
        });
    }

    /**
     * Merges {@code patch} into the device's shared attributes (JSON null deletes a key) and announces what really
     * changed; nothing is announced when nothing changed. Changes of one device are serialised, so their records are
     * published in the order they were made. Returns all shared attributes after the change.
     *
     * @throws UnknownDeviceException when the tenant has no such device
     */
    public SortedMap<AttributeKey, JsonNode> changeShared(DeviceKey device, AttributePatch patch) {
        Instant now = now();
        return store.inTransaction(tx -> {
            tx.devices().findForUpdate(device).orElseThrow(UnknownDeviceException::new);
            AttributePatch effective = patch.effectiveOn(tx.attributes().read(device, AttributeScope.SHARED));
            if (!effective.isEmpty()) {
                tx.attributes().apply(device, AttributeScope.SHARED, effective, now);
                tx.outbox().append(OutboxMessages.sharedAttributesChanged(device, effective, now));
            }
            return tx.attributes().read(device, AttributeScope.SHARED);
        });
    }

    /**
     * Deletes the shared attributes {@code keys} (keys the device does not have are ignored) and announces the
     * deletions as JSON nulls.
     *
     * @throws UnknownDeviceException when the tenant has no such device
     */
    public SortedMap<AttributeKey, JsonNode> deleteShared(DeviceKey device, Collection<AttributeKey> keys) {
        return changeShared(device, AttributePatch.deleting(keys));
    }

    /**
     * Stores client-side attributes reported by devices, in order, in one transaction. A device the tenant does not
     * have yet is registered first, as {@link UplinkRegistration} does; reports of devices that cannot be registered
     * (unknown tenant, claimed away) are dropped. Idempotent: replaying reports in order leaves the same state.
     *
     * @throws RuntimeException on a storage failure; nothing was stored then and the call may be repeated
     */
    public Outcome report(List<Report> reports) {
        if (reports.isEmpty()) {
            return new Outcome(RegistrationCounts.NONE, 0);
        }
        Instant now = now();
        List<DeviceKey> registered = new ArrayList<>();
        Outcome outcome = store.inTransaction(tx -> {
            UplinkRegistration registration = new UplinkRegistration(tx, now);
            RegistrationCounts counts = RegistrationCounts.NONE;
            int stored = 0;
            for (Report report : reports) {
                UplinkRegistration.Result result = registration.ensureRegistered(report.device(), Optional.empty());
                counts = counts.plus(result);
                if (result.registered()) {
                    registered.add(report.device());
                    tx.attributes().apply(report.device(), AttributeScope.CLIENT, report.patch(), now);
                    stored++;
                }
            }
            return new Outcome(counts, stored);
        });
        registered.forEach(knownDevices::remember);
        return outcome;
    }

    /**
     * The values an attribute request asks for, from the request's tenant only: the requested keys the device has
     * (all of the scope when no key was named); empty when the tenant has no such device.
     */
    public SortedMap<AttributeKey, JsonNode> valuesFor(AttributeRequest request) {
        Set<AttributeKey> keys = new HashSet<>();
        request.keys().stream().filter(AttributeKey::isValid).map(AttributeKey::of).forEach(keys::add);
        if (keys.isEmpty() && !request.keys().isEmpty()) {
            return new TreeMap<>();
        }
        return store.inTransaction(tx -> only(keys, tx.attributes().read(request.device(), request.scope())));
    }

    private static SortedMap<AttributeKey, JsonNode> only(Set<AttributeKey> keys,
                                                          SortedMap<AttributeKey, JsonNode> values) {
        if (keys.isEmpty()) {
            return values;
        }
        SortedMap<AttributeKey, JsonNode> selected = new TreeMap<>(values);
        selected.keySet().retainAll(keys);
        return selected;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
