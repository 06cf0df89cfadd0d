package io.thingbus.stream.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of an aggregation: the intervals of the page that hold points, in time order (intervals without points are
 * left out).
 *
 * @param next the start of the following page (a time, usable as the next request's start), or empty when this page
 *        reaches the end of the range
 */
public record AggregatePage(Channel channel, AggregateQuery query, List<Bucket> buckets, Optional<Instant> next) {

    public AggregatePage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(next, "next");
        buckets = List.copyOf(buckets);
    }
}
