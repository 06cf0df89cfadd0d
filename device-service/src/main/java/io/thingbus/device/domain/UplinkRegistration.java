package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registers devices that announce themselves (their telemetry, a gateway's connect, attributes or claim request) the
 * way ThingScale's auto-provisioning does: provisioning {@code auto}, name = device id, default channel, token = the
 * token the device spoke under when the record names one the tenant still has, else the tenant's first token.
 * Nothing is registered for a tenant that is no registered user, nor for a device another user claimed away from the
 * tenant. Idempotent: a device that exists stays as it is.
 *
 * <p>Lives for one transaction and is used by the thread that runs it; it remembers which tenants exist.
 */
public final class UplinkRegistration {

    /** What {@link #ensureRegistered} found or did. */
    public enum Result {
        /** The tenant had the device already. */
        EXISTING,
        /** The device was registered now (and its {@code DeviceRecord} appended to the outbox). */
        REGISTERED,
        /** The tenant is not a registered user: nothing stored. */
        UNKNOWN_TENANT,
        /** Another user claimed the device away from this tenant: nothing stored. */
        CLAIMED_AWAY;

        /** Whether the tenant has the device now. */
        public boolean registered() {
            return this == EXISTING || this == REGISTERED;
        }
    }

    private final RegistryTransaction tx;
    private final Instant now;
    private final Map<TenantId, Boolean> tenantExists = new HashMap<>();

    public UplinkRegistration(RegistryTransaction tx, Instant now) {
        this.tx = tx;
        this.now = now;
    }

    /**
     * Makes sure {@code key} is registered. Writes the device before its outbox message.
     *
     * @param tokenHash the hash of the token the device spoke under, when the record carries one
     */
    public Result ensureRegistered(DeviceKey key, Optional<SecretHash> tokenHash) {
        if (tx.devices().find(key).isPresent()) {
            return Result.EXISTING;
        }
        if (!tenantExists.computeIfAbsent(key.tenant(), tx.users()::exists)) {
            return Result.UNKNOWN_TENANT;
        }
        if (tx.claims().isClaimedAway(key)) {
            return Result.CLAIMED_AWAY;
        }
        return register(key, tokenHash) ? Result.REGISTERED : Result.EXISTING;
    }

    private boolean register(DeviceKey key, Optional<SecretHash> tokenHash) {
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
