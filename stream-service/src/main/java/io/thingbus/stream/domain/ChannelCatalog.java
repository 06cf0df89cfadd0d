package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import java.util.List;
import java.util.Optional;

/** The channels of each tenant. Thread-safe. Channels are created by {@link PointStore#append(List)}. */
public interface ChannelCatalog {

    /**
     * The tenant's channel with that id; empty when there is none, also when another tenant has one with that id.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    Optional<Channel> find(TenantId tenant, ChannelId channel);

    /**
     * Every channel of the tenant, oldest first.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    List<Channel> list(TenantId tenant);
}
