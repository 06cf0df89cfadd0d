package io.thingbus.event.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which channels exist and where each device's telemetry goes, as materialised from the device registry's compacted
 * topic ({@link DeviceChange}) and stream-service's compacted channel topic ({@link ChannelChange}). A tenant's
 * channels are those announced by stream-service plus the default channel of each of its registered devices (which
 * stream-service creates with the device's first point). Thread-safe.
 */
public interface ChannelDirectory {

    /**
     * @return the device the channel is associated with (for a default channel not announced yet: its device), or
     *         empty when the tenant has no such channel
     * @throws StoreUnavailableException when the database fails
     */
    Optional<DeviceId> deviceOf(TenantId tenant, ChannelId channel);

    /**
     * Where the telemetry of these devices goes now.
     *
     * @throws StoreUnavailableException when the database fails
     */
    TelemetryRoutes routes(Set<DeviceKey> devices);

    /**
     * Applies registry changes in their order, all or nothing. Idempotent: applying the same changes again changes
     * nothing.
     *
     * @throws StoreUnavailableException when the database fails; nothing was applied
     */
    void applyDevices(List<DeviceChange> changes);

    /**
     * Applies channel changes in their order, all or nothing; the rules of an announced channel show its current
     * device. Idempotent: applying the same changes again changes nothing.
     *
     * @throws StoreUnavailableException when the database fails; nothing was applied
     */
    void applyChannels(List<ChannelChange> changes);
}
