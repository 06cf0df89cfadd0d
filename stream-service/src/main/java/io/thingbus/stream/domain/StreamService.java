package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes the channels of a tenant. Every call is scoped to the tenant it is given: another tenant's channel
 * is reported as not found. Thread-safe.
 */
public final class StreamService {

    private static final Duration MICROSECOND = Duration.ofNanos(1000);

    private final ChannelCatalog channels;
    private final PointStore points;
    private final Clock clock;
    private final int maxBuckets;

    /** @param maxBuckets the most intervals an aggregation's range may hold */
    public StreamService(ChannelCatalog channels, PointStore points, Clock clock, int maxBuckets) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.points = Objects.requireNonNull(points, "points");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be at least 1");
        }
        this.maxBuckets = maxBuckets;
    }

    /**
     * One page of a channel's points.
     *
     * @throws ChannelNotFoundException when the tenant has no such channel
     * @throws StoreUnavailableException when the store cannot be read
     */
    public StreamPage read(StreamQuery query) {
        Channel channel = channel(query.tenant(), query.channel());
        if (query.start() instanceof RangeStart.Newest) {
            return newest(channel, query);
        }
        return range(channel, query);
    }

    /**
     * One page of an aggregation: the page covers {@code limit} intervals from the one holding the query's start (or
     * fewer, up to the query's end); only points inside the query's range count.
     *
     * @throws ChannelNotFoundException when the tenant has no such channel
     * @throws TooManyBucketsException when the whole range holds more intervals than allowed
     * @throws StoreUnavailableException when the store cannot be read
     */
    public AggregatePage aggregate(AggregateQuery query) {
        Channel channel = channel(query.tenant(), query.channel());
        BucketInterval interval = query.interval();
        long intervals = interval.countBetween(query.start(), query.end());
        if (intervals > maxBuckets) {
            throw new TooManyBucketsException(intervals, interval, maxBuckets);
        }
        Instant following = interval.after(interval.startOf(query.start()), query.limit());
        boolean more = !following.isAfter(query.end());
        Instant to = more ? following.minus(MICROSECOND) : query.end();
        List<Bucket> buckets = points.aggregate(query.tenant(), query.channel(), query.tag(), query.aggregation(),
                interval, query.start(), to);
        return new AggregatePage(channel, query, buckets, more ? Optional.of(following) : Optional.empty());
    }

    /**
     * Writes points to an existing channel of the tenant, all or nothing. Each point gets a fresh record id, so
     * writing the same body twice stores it twice; a point without a time gets the current time (milliseconds).
     *
     * The tag, when given, becomes a known tag of the channel.
     *
     * @throws ChannelNotFoundException when the tenant has no such channel
     * @throws InvalidPointException when a point cannot be stored; then none was
     * @throws StoreUnavailableException when the store is down; then none was stored
     */
    public void write(TenantId tenant, ChannelId channelId, Optional<Tag> tag, List<PointInput> inputs) {
        Channel channel = channel(tenant, channelId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Point> batch = inputs.stream().map(input -> pointOf(channel, tag, input, now)).toList();
        points.appendAll(batch);
    }

    private Channel channel(TenantId tenant, ChannelId id) {
        return channels.find(tenant, id).orElseThrow(() -> new ChannelNotFoundException(id));
    }

    private StreamPage newest(Channel channel, StreamQuery query) {
        Optional<StoredPoint> newest = points.newest(query.tenant(), query.channel(), query.tag(), query.end());
        return new StreamPage(channel, newest.map(StoredPoint::time), query.end(),
                newest.map(List::of).orElse(List.of()), Optional.empty());
    }

    private StreamPage range(Channel channel, StreamQuery query) {
        List<StoredPoint> found = points.range(query.tenant(), query.channel(), query.tag(), query.start(),
                query.end(), query.limit() + 1);
        boolean more = found.size() > query.limit();
        List<StoredPoint> page = more ? found.subList(0, query.limit()) : found;
        Optional<PageCursor> next = more ? Optional.of(page.get(page.size() - 1).cursorAfter()) : Optional.empty();
        return new StreamPage(channel, Optional.of(query.start().earliestTime()), query.end(), page, next);
    }

    private static Point pointOf(Channel channel, Optional<Tag> tag, PointInput input, Instant now) {
        return new Point(channel.tenant(), channel.id(), channel.device(), input.time().orElse(now),
                UUID.randomUUID().toString(), tag, PointContent.of(input.values()));
    }
}
