package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;
import java.util.Optional;

/** The devices this service learnt from the registry's topic (a port). Implementations are thread-safe. */
public interface DeviceDirectory {

    /**
     * The device with that key; empty when the tenant has no such device (another tenant's device with the same id is
     * a different key).
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    Optional<KnownDevice> find(DeviceKey key);
}
