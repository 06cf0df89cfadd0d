package io.thingbus.stream;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import io.thingbus.stream.domain.Aggregation;
import io.thingbus.stream.domain.Bucket;
import io.thingbus.stream.domain.BucketInterval;
import io.thingbus.stream.domain.Point;
import io.thingbus.stream.domain.PointStore;
import io.thingbus.stream.domain.RangeStart;
import io.thingbus.stream.domain.RefusedPoint;
import io.thingbus.stream.domain.StoredPoint;
import io.thingbus.stream.domain.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A real store that also remembers which record ids it has durably stored, so a test knows who stored a point. */
final class RecordingPointStore implements PointStore {

    private final PointStore delegate;
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    RecordingPointStore(PointStore delegate) {
        this.delegate = delegate;
    }

    Set<String> storedRecordIds() {
        return Set.copyOf(stored);
    }

    @Override
    public List<RefusedPoint> append(List<Point> points) {
        List<RefusedPoint> refused = delegate.append(points);
        points.forEach(p -> stored.add(p.recordId()));
        refused.forEach(r -> stored.remove(r.point().recordId()));
        return refused;
    }

    @Override
    public void appendAll(List<Point> points) {
        delegate.appendAll(points);
        points.forEach(p -> stored.add(p.recordId()));
    }

    @Override
    public List<StoredPoint> range(TenantId tenant, ChannelId channel, Optional<Tag> tag, RangeStart start,
            Instant end, int maxRows) {
        return delegate.range(tenant, channel, tag, start, end, maxRows);
    }

    @Override
    public Optional<StoredPoint> newest(TenantId tenant, ChannelId channel, Optional<Tag> tag, Instant end) {
        return delegate.newest(tenant, channel, tag, end);
    }

    @Override
    public List<Bucket> aggregate(TenantId tenant, ChannelId channel, Optional<Tag> tag, Aggregation aggregation,
            BucketInterval interval, Instant from, Instant to) {
        return delegate.aggregate(tenant, channel, tag, aggregation, interval, from, to);
    }
}
