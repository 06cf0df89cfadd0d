package io.thingbus.device.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Devices in the current transaction. Devices read carry their sub-device link, when they have one, and the channels
 * associated with them ({@link Channels}).
 */
public interface Devices {

    /** The tenant's devices, ordered by device id; empty for an unknown tenant. */
    List<Device> list(TenantId tenant);

    /**
     * The tenant's devices whose latest gateway is the tenant's own gateway {@code gateway}, ordered by device id (a
     * device carried by another user's gateway with the same id is not one of them).
     */
    List<Device> subdevicesOf(TenantId tenant, DeviceId gateway);

    Optional<Device> find(DeviceKey key);

    /** Like {@link #find} but locks the device until the transaction ends. */
    Optional<Device> findForUpdate(DeviceKey key);

    /**
     * The tenant's devices that chose {@code channel} for their telemetry, ordered by device id, locked until the
     * transaction ends.
     */
    List<Device> choosingForUpdate(TenantId tenant, ChannelId channel);

    /**
     * Stores a new device; false (and nothing stored) when the key exists already. The tenant must exist, and so must
     * the device's chosen channel, if any ({@link Channels}).
     */
    boolean insert(Device device);

    /** Stores name, token, chosen channel, update time and version of an existing device. */
    void update(Device device);

    /** Deletes the device with its attributes, sub-device link and claiming window; false when there was none. */
    boolean delete(DeviceKey key);

    /** The tenant's devices that use {@code token}, ordered by device id, locked until the transaction ends. */
    List<Device> usingTokenForUpdate(TenantId tenant, DeviceToken token);
}
