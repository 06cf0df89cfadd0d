package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An aggregated read of one channel: the points from {@code start} to {@code end} (inclusive), of one tag or of all,
 * combined per {@code interval} and numeric field; at most {@code limit} intervals in one page.
 */
public record AggregateQuery(
        TenantId tenant,
        ChannelId channel,
        Optional<Tag> tag,
        Aggregation aggregation,
        BucketInterval interval,
        Instant start,
        Instant end,
        int limit) {

    public AggregateQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("start is after end");
        }
    }
}
