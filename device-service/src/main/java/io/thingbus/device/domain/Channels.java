package io.thingbus.device.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.util.List;

/**
 * The tenants' channels in the current transaction, as stream-service announces them on the channels topic: only
 * which device each channel is associated with. stream-service owns channels; the registry keeps this copy to show a
 * device's channels and to check the channel a user names for a device.
 *
 * <p>A device's chosen channel must be a row here (the storage enforces it), so a channel is removed only after the
 * devices that chose it were sent back to their default channels.
 */
public interface Channels {

    /** Stores the channel, or moves it to {@code device} when it is known (idempotent). */
    void put(TenantId tenant, ChannelId channel, DeviceId device);

    /**
     * Removes the channel; false when it was not known. No device may have chosen it any more.
     *
     * @throws RuntimeException when a device still chose it (the transaction must then be retried)
     */
    boolean remove(TenantId tenant, ChannelId channel);

    /**
     * Whether the tenant has the channel; if so it cannot be removed by another transaction until this one ends
     * (a share lock), so a device may choose it safely.
     */
    boolean lockIfExists(TenantId tenant, ChannelId channel);

    /** The tenant's channels associated with {@code device}, ordered by channel id; empty when there are none. */
    List<ChannelId> associatedWith(DeviceKey device);
}
