package io.thingbus.stream.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.util.List;

/**
 * The devices of the registry this service knows (from the devices topic), and the channel the registry names for
 * each. Thread-safe.
 */
public interface DeviceDirectory {

    /**
     * Whether the tenant has this device.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    boolean contains(TenantId tenant, DeviceId device);

    /**
     * Applies changes in their order, in one transaction; applying the same changes again leaves the same state.
     *
     * @throws StoreUnavailableException when the store failed; nothing was applied
     */
    void apply(List<DeviceChange> changes);
}
