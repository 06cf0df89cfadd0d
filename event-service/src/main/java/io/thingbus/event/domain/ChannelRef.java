package io.thingbus.event.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import java.util.Objects;

/** A channel of a tenant: what rules are looked up by. */
public record ChannelRef(TenantId tenant, ChannelId channel) {

    public ChannelRef {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
    }
}
