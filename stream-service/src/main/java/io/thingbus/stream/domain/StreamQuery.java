package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A read of one channel: points from {@code start} to {@code end} (inclusive), of one tag or of all, at most
 * {@code limit} of them, in (time, record id) order.
 */
public record StreamQuery(
        TenantId tenant,
        ChannelId channel,
        Optional<Tag> tag,
        RangeStart start,
        Instant end,
        int limit) {

    public StreamQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Instant earliest = start.earliestTime();
        if (earliest != null && earliest.isAfter(end)) {
            throw new IllegalArgumentException("start is after end");
        }
    }
}
