package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The time-series store. Implementations are thread-safe; every call is its own transaction.
 */
public interface PointStore {

    /**
     * Stores the points in one transaction, first creating the channels seen for the first time. Idempotent: a point
     * whose (channel, time, record id) is already stored is ignored, so a replayed batch stores nothing twice. A point
     * the store refuses for its data is left out (the others are stored) and returned.
     *
     * @return the refused points, empty when all were stored
     * @throws StoreUnavailableException when the store failed for a reason not in the data; then nothing was stored
     */
    List<RefusedPoint> append(List<Point> points);

    /**
     * Like {@link #append(List)}, but all or nothing: when the store refuses one point, none is stored.
     *
     * @throws InvalidPointException when the store refused a point; nothing was stored
     * @throws StoreUnavailableException when the store failed for a reason not in the data; nothing was stored
     */
    void appendAll(List<Point> points);

    /**
     * Up to {@code maxRows} points of a channel from {@code start} ({@link RangeStart.At} or {@link RangeStart.After})
     * to {@code end} inclusive, in (time, record id) order; of one tag, or of all tags when the tag is empty.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    List<StoredPoint> range(TenantId tenant, ChannelId channel, Optional<Tag> tag, RangeStart start, Instant end,
            int maxRows);

    /**
     * The newest point of a channel at or before {@code end} (the highest (time, record id)), of one tag or of all.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    Optional<StoredPoint> newest(TenantId tenant, ChannelId channel, Optional<Tag> tag, Instant end);
}
