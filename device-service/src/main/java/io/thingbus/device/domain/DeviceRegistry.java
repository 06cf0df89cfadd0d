package io.thingbus.device.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A user's devices: list, read, create, change, delete. Every change is announced on the devices topic through the
 * outbox in the same transaction. Every call is scoped to the tenant in the key; another tenant's device is
 * reported as unknown. Thread-safe.
 */
public final class DeviceRegistry {

    private final RegistryStore store;
    private final KnownDevices knownDevices;
    private final Clock clock;

    public DeviceRegistry(RegistryStore store, KnownDevices knownDevices, Clock clock) {
        this.store = store;
        this.knownDevices = knownDevices;
        this.clock = clock;
    }

    public List<Device> devices(TenantId tenant) {
        return store.inTransaction(tx -> tx.devices().list(tenant));
    }

    /** @throws UnknownDeviceException when the tenant has no such device */
    public Device device(DeviceKey key) {
        return store.inTransaction(tx -> tx.devices().find(key).orElseThrow(UnknownDeviceException::new));
    }

    /**
     * Registers a device with provisioning {@code api}. Name defaults to the device id, token to the user's first,
     * channel to the device's default channel. A device another user had claimed away from the tenant is the tenant's
     * again: auto-provisioning resumes, and a tombstone on the device-claims topic tells the broker that what the
     * tenant's gateways send for the device is the tenant's again.
     *
     * @throws DeviceAlreadyExistsException when the tenant has a device with that id
     * @throws ForeignDeviceTokenException when the given token is not one of the tenant's
     * @throws NoDeviceTokenException when no token was given and the tenant has none
     * @throws UnknownChannelException when the given channel is not one of the tenant's
     * @throws UnknownUserException when the tenant is not a registered user
     */
    public Device register(DeviceKey key, DeviceInput input) {
        Instant now = now();
        Device created = store.inTransaction(tx -> {
            if (!tx.users().exists(key.tenant())) {
                throw new UnknownUserException();
            }
            DeviceToken token = input.token().isPresent()
                    ? ownToken(tx, key.tenant(), input.token().get())
                    : tx.credentials().firstDeviceToken(key.tenant()).orElseThrow(NoDeviceTokenException::new);
            DeviceName name = input.name().orElseGet(() -> DeviceName.defaultFor(key.device()));
            Optional<ChannelId> channel = input.channel().applyTo(Optional.empty());
            Device device = Device.registered(key, name, Optional.of(token), channel, Provisioning.API, now);
            requireOwnChannel(tx, device, Optional.empty());
            if (!tx.devices().insert(device)) {
                throw new DeviceAlreadyExistsException();
            }
            Claiming.unmarkClaimedAway(tx, key, now);
            tx.outbox().append(OutboxMessages.deviceChanged(device));
            return device.withAssociatedChannels(tx.channels().associatedWith(key));
        });
        knownDevices.remember(key);
        return created;
    }

    /**
     * Changes name, token and/or channel of a device; parts not given stay as they are.
     *
     * @throws UnknownDeviceException when the tenant has no such device
     * @throws VersionMismatchException when {@code condition} does not allow the current version
     * @throws ForeignDeviceTokenException when the given token is not one of the tenant's
     * @throws UnknownChannelException when the given channel is not one of the tenant's
     */
    public Device change(DeviceKey key, DeviceInput input, VersionCondition condition) {
        Instant now = now();
        return store.inTransaction(tx -> {
            Device current = lockedDevice(tx, key, condition);
            Optional<DeviceToken> token = input.token().isPresent()
                    ? Optional.of(ownToken(tx, key.tenant(), input.token().get()))
                    : current.token();
            Device changed = current.changed(input.name().orElse(current.name()), token,
                    input.channel().applyTo(current.chosenChannel()), now);
            requireOwnChannel(tx, changed, current.chosenChannel());
            tx.devices().update(changed);
            tx.outbox().append(OutboxMessages.deviceChanged(changed));
            return changed;
        });
    }

    /**
     * Deletes a device with its attributes, sub-device link and claiming window; its data stays in its channel. A
     * device that publishes again is auto-provisioned anew. A device the tenant had claimed from another user is
     * given back: the claim ends in the same transaction (a tombstone on the device-claims topic under the former
     * owner's device key), so what the former owner's gateway sends for it is the former owner's again, and the
     * former owner's auto-provisioning may register it again.
     *
     * @throws UnknownDeviceException when the tenant has no such device
     * @throws VersionMismatchException when {@code condition} does not allow the current version
     */
    public void remove(DeviceKey key, VersionCondition condition) {
        Instant now = now();
        List<DeviceKey> released = store.inTransaction(tx -> {
            lockedDevice(tx, key, condition);
            tx.devices().delete(key);
            tx.outbox().append(OutboxMessages.deviceDeleted(key, now));
            return Claiming.releaseClaimsOn(tx, key, now);
        });
        knownDevices.forget(key);
        released.forEach(knownDevices::forget);
    }

    private static Device lockedDevice(RegistryTransaction tx, DeviceKey key, VersionCondition condition) {
        Device current = tx.devices().findForUpdate(key).orElseThrow(UnknownDeviceException::new);
        if (!condition.allows(current.version())) {
            throw new VersionMismatchException();
        }
        return current;
    }

    /**
     * Checks a newly chosen channel (the default channel and an unchanged choice need no check) and keeps it from
     * being deleted until the transaction ends.
     */
    private static void requireOwnChannel(RegistryTransaction tx, Device device, Optional<ChannelId> before) {
        Optional<ChannelId> chosen = device.chosenChannel();
        if (chosen.isPresent() && !chosen.equals(before)
                && !tx.channels().lockIfExists(device.key().tenant(), chosen.get())) {
            throw new UnknownChannelException();
        }
    }

    private static DeviceToken ownToken(RegistryTransaction tx, TenantId tenant, DeviceToken token) {
        if (!tx.credentials().ownsDeviceToken(tenant, token)) {
            throw new ForeignDeviceTokenException();
        }
        return token;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
