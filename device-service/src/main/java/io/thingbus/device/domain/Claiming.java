package io.thingbus.device.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Claiming devices (ThingsBoard's claiming API): a device, usually through its gateway, opens a window with a secret;
 * within it another user who knows the secret takes the device over. The registry entry (device, attributes and the
 * link to the gateway that carries it) moves to the claimer: deleted under the old owner, registered under the
 * claimer. The old owner is remembered as having lost the device, so its auto-provisioning never brings the device
 * back, and the claim is announced on the device-claims topic, so the broker puts what the old owner's gateway still
 * sends for the device under the claimer. Thread-safe.
 */
public final class Claiming {

    /**
     * A device asks for a claiming window.
     *
     * @param duration how long the window stays open; empty = the configured default
     */
    public record ClaimRequest(DeviceKey device, SecretHash secretHash, Optional<Duration> duration, Instant at) {

        public ClaimRequest {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(secretHash, "secretHash");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(at, "at");
            if (duration.filter(d -> d.isNegative() || d.isZero()).isPresent()) {
                throw new IllegalArgumentException("a claiming duration must be positive");
            }
        }
    }

    /** What one {@link #openWindows} did. */
    public record Outcome(RegistrationCounts registrations, int opened) {
    }

    private final RegistryStore store;
    private final KnownDevices knownDevices;
    private final Clock clock;
    private final Duration defaultDuration;

    /** @throws IllegalArgumentException when {@code defaultDuration} is not positive */
    public Claiming(RegistryStore store, KnownDevices knownDevices, Clock clock, Duration defaultDuration) {
        if (defaultDuration.isNegative() || defaultDuration.isZero()) {
            throw new IllegalArgumentException("the default claiming duration must be positive");
        }
        this.store = store;
        this.knownDevices = knownDevices;
        this.clock = clock;
        this.defaultDuration = defaultDuration;
    }

    /**
     * Opens (or replaces) the window of each request's device, in the request's tenant, registering the device as
     * {@link UplinkRegistration} does when the tenant does not have it yet. A window ends at {@code at + duration}.
     * One transaction; idempotent (a replayed request opens the same window again, and never replaces a newer one).
     *
     * @throws RuntimeException on a storage failure; nothing was stored then and the call may be repeated
     */
    public Outcome openWindows(List<ClaimRequest> requests) {
        if (requests.isEmpty()) {
            return new Outcome(RegistrationCounts.NONE, 0);
        }
        Instant now = now();
        List<DeviceKey> registered = new ArrayList<>();
        Outcome outcome = store.inTransaction(tx -> {
            UplinkRegistration registration = new UplinkRegistration(tx, now);
            RegistrationCounts counts = RegistrationCounts.NONE;
            int opened = 0;
            for (ClaimRequest request : requests) {
                UplinkRegistration.Result result = registration.ensureRegistered(request.device(), Optional.empty());
                counts = counts.plus(result);
                if (result.registered()) {
                    registered.add(request.device());
                    opened += tx.claims().open(windowFor(request)) ? 1 : 0;
                }
            }
            return new Outcome(counts, opened);
        });
        registered.forEach(knownDevices::remember);
        return outcome;
    }

    /**
     * {@code claimer} claims the device {@code device} with {@code secretKey} (the empty string when none was given).
     * Returns the device as now registered for the claimer (provisioning {@code api}, the old name, the claimer's
     * first device token, version 1, the old owner's attributes and gateway link); the old owner's device is deleted.
     * Both changes and the claim itself ({@code DeviceClaimRecord}) are announced through the outbox.
     *
     * @throws ClaimRefusedException when no open window of another user matches the id and the secret
     * @throws AmbiguousClaimException when open windows of several users match
     * @throws DeviceAlreadyExistsException when the claimer already has a device with that id
     * @throws UnknownUserException when the claimer is not a registered user
     */
    public Device claim(TenantId claimer, DeviceId device, String secretKey) {
        Objects.requireNonNull(secretKey, "secretKey");
        Instant now = now();
        DeviceKey target = DeviceKey.of(claimer, device);
        Moved moved = store.inTransaction(tx -> move(tx, window(tx, claimer, device, secretKey, now), target, now));
        knownDevices.forget(moved.from());
        knownDevices.remember(target);
        return moved.device();
    }

    private static ClaimWindow window(RegistryTransaction tx, TenantId claimer, DeviceId device, String secretKey,
                                      Instant now) {
        List<ClaimWindow> windows = tx.claims().openWindows(device, SecretHash.of(secretKey), now, claimer);
        if (windows.isEmpty()) {
            throw new ClaimRefusedException();
        }
        if (windows.size() > 1) {
            throw new AmbiguousClaimException();
        }
        return windows.get(0);
    }

    /**
     * Moves the device. When the claimer takes back a device once claimed away from it, the tombstone that ends that
     * old claim is appended before the new claim: keys differ on the device-claims topic, so a reader that saw the new
     * claim first would briefly find a cycle (claimer → … → former owner → claimer).
     */
    private static Moved move(RegistryTransaction tx, ClaimWindow window, DeviceKey target, Instant now) {
        if (!tx.users().exists(target.tenant())) {
            throw new UnknownUserException();
        }
        if (tx.devices().find(target).isPresent()) {
            throw new DeviceAlreadyExistsException();
        }
        DeviceKey from = window.device();
        Device old = tx.devices().findForUpdate(from).orElseThrow(ClaimRefusedException::new);
        Map<AttributeScope, Map<AttributeKey, JsonNode>> attributes = attributesOf(tx, from);
        tx.devices().delete(from);
        tx.outbox().append(OutboxMessages.deviceDeleted(from, now));
        unmarkClaimedAway(tx, target, now);
        markClaimedAway(tx, from, target.tenant(), now);
        registerForClaimer(tx, old, attributes, target, now);
        return new Moved(from, tx.devices().find(target).orElseThrow());
    }

    /**
     * Registers {@code old} anew as {@code target}, with its attributes and its gateway link: the gateway that carried
     * the device still does, and its session end must disconnect the claimer's device.
     */
    private static void registerForClaimer(RegistryTransaction tx, Device old,
                                           Map<AttributeScope, Map<AttributeKey, JsonNode>> attributes,
                                           DeviceKey target, Instant now) {
        Device claimed = Device.registered(target, old.name(), tx.credentials().firstDeviceToken(target.tenant()),
                Provisioning.API, now);
        if (!tx.devices().insert(claimed)) {
            throw new DeviceAlreadyExistsException();
        }
        attributes.forEach((scope, values) ->
                tx.attributes().apply(target, scope, AttributePatch.setting(values), now));
        old.gateway().ifPresent(link -> tx.links().connect(target, link));
        tx.outbox().append(OutboxMessages.deviceChanged(claimed));
    }

    /** Remembers that {@code claimer} claimed {@code formerDevice} away, and announces it. */
    private static void markClaimedAway(RegistryTransaction tx, DeviceKey formerDevice, TenantId claimer,
                                        Instant now) {
        tx.claims().markClaimedAway(formerDevice, claimer, now);
        tx.outbox().append(OutboxMessages.deviceClaimedAway(formerDevice, claimer, now));
    }

    /**
     * The tenant of {@code device} has it again: forgets that it was claimed away and, when it was, announces that the
     * claim no longer applies (a tombstone on the device-claims topic). Nothing is announced for a device that was
     * never claimed away, so ordinary registrations write nothing there. Part of the caller's transaction.
     */
    static void unmarkClaimedAway(RegistryTransaction tx, DeviceKey device, Instant now) {
        if (tx.claims().unmarkClaimedAway(device)) {
            tx.outbox().append(OutboxMessages.deviceOwnedAgain(device, now));
        }
    }

    /**
     * The tenant of {@code claimedDevice} deleted it: every claim by which it had taken the device from another user
     * ends. Each former owner is no longer marked as having lost the device, and a tombstone under its former device
     * key on the device-claims topic tells the broker that what its gateways send for the device is its own again.
     * Part of the caller's transaction.
     *
     * @return the former device keys released, in tenant order
     */
    static List<DeviceKey> releaseClaimsOn(RegistryTransaction tx, DeviceKey claimedDevice, Instant now) {
        List<DeviceKey> released = tx.claims().releaseClaimsOn(claimedDevice);
        released.forEach(former -> tx.outbox().append(OutboxMessages.deviceOwnedAgain(former, now)));
        return released;
    }

    private static Map<AttributeScope, Map<AttributeKey, JsonNode>> attributesOf(RegistryTransaction tx,
                                                                                 DeviceKey device) {
        Map<AttributeScope, Map<AttributeKey, JsonNode>> attributes = new EnumMap<>(AttributeScope.class);
        for (AttributeScope scope : AttributeScope.values()) {
            attributes.put(scope, tx.attributes().read(device, scope));
        }
        return attributes;
    }

    private ClaimWindow windowFor(ClaimRequest request) {
        Duration duration = request.duration().orElse(defaultDuration);
        return new ClaimWindow(request.device(), request.secretHash(), request.at(), request.at().plus(duration));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private record Moved(DeviceKey from, Device device) {
    }
}
