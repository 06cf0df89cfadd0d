package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The time-series store. Implementations are thread-safe; every call is its own transaction. Writes make the tags of
 * the points they store known tags of their channels; a channel created or given a new tag by a write is announced on
 * the channels topic, as every change of {@link ChannelCatalog} is.
 */
public interface PointStore {

    /**
     * Stores telemetry points in one transaction. Each point goes to the channel the device registry names for its
     * device when the tenant has that channel; otherwise (also for a device the registry has not announced) to the
     * point's own channel, the device's default channel, which is created when missing. Idempotent: a point whose
     * (tenant, channel, time, record id) is already stored is ignored, so a replayed batch stores nothing twice. A
     * point the store refuses for its data is left out (the others are stored) and returned.
     *
     * @return the refused points, empty when all were stored
     * @throws StoreUnavailableException when the store failed for a reason not in the data; then nothing was stored
     */
    List<RefusedPoint> append(List<Point> points);

    /**
     * Stores points in the existing channels they name, all or nothing.
     *
     * @throws ChannelNotFoundException when a point's channel does not exist (any more); nothing was stored
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

    /**
     * The points of a channel from {@code from} to {@code to} (inclusive), of one tag or of all, combined per interval
     * ({@link BucketInterval#startOf}) and top-level field; only fields whose value is a JSON number count. Intervals
     * without such values are left out.
     *
     * @return the intervals in time order, each with its fields sorted by name
     * @throws StoreUnavailableException when the store cannot be read
     */
    List<Bucket> aggregate(TenantId tenant, ChannelId channel, Optional<Tag> tag, Aggregation aggregation,
            BucketInterval interval, Instant from, Instant to);
}
