package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link PointStore} whose every operation fails: the base of a test's fake, which overrides only what the code under
 * test may call, so that any other call shows up as a failure.
 */
abstract class UnusedPointStore implements PointStore {

    @Override
    public List<RefusedPoint> append(List<Point> points) {
        throw new UnsupportedOperationException("append");
    }

    @Override
    public void appendAll(List<Point> points) {
        throw new UnsupportedOperationException("appendAll");
    }

    @Override
    public List<StoredPoint> range(TenantId tenant, ChannelId channel, Optional<Tag> tag, RangeStart start,
            Instant end, int maxRows) {
        throw new UnsupportedOperationException("range");
    }

    @Override
    public Optional<StoredPoint> newest(TenantId tenant, ChannelId channel, Optional<Tag> tag, Instant end) {
        throw new UnsupportedOperationException("newest");
    }

    @Override
    public List<Bucket> aggregate(TenantId tenant, ChannelId channel, Optional<Tag> tag, Aggregation aggregation,
            BucketInterval interval, Instant from, Instant to) {
        throw new UnsupportedOperationException("aggregate");
    }
}
