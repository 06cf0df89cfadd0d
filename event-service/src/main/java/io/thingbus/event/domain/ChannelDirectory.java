package io.thingbus.event.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Which channels exist and whose device they belong to, as materialised from the device registry's compacted topic.
 * Thread-safe.
 */
public interface ChannelDirectory {

    /**
     * @return the device whose channel this is, or empty when the tenant has no such channel
     * @throws StoreUnavailableException when the database fails
     */
    Optional<DeviceId> deviceOf(TenantId tenant, ChannelId channel);

    /**
     * Applies changes in their order, all or nothing. Idempotent: applying the same changes again changes nothing.
     *
     * @throws StoreUnavailableException when the database fails; nothing was applied
     */
    void apply(List<ChannelChange> changes);
}
