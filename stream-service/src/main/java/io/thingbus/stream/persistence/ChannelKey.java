package io.thingbus.stream.persistence;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import java.util.Comparator;

/**
 * A channel's primary key. Ordered by tenant, then channel id: transactions that lock or update several channels do
 * it in this order, so they cannot deadlock each other.
 */
record ChannelKey(TenantId tenant, ChannelId channel) implements Comparable<ChannelKey> {

    private static final Comparator<ChannelKey> ORDER = Comparator
            .comparing((ChannelKey k) -> k.tenant().value())
            .thenComparing(k -> k.channel().value());

    @Override
    public int compareTo(ChannelKey other) {
        return ORDER.compare(this, other);
    }
}
