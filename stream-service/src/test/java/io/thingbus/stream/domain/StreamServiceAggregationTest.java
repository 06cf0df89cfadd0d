package io.thingbus.stream.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How an aggregated read is cut into pages, and bounded. */
class StreamServiceAggregationTest {

    private static final TenantId TENANT = TenantId.of("U1a2b3c4d");
    private static final ChannelId CHANNEL = ChannelId.of("kitchen");

    private final InMemoryChannelCatalog catalog = new InMemoryChannelCatalog();
    private final RangeRecordingStore store = new RangeRecordingStore();
    private final StreamService service = new StreamService(catalog, store, Clock.systemUTC(), 100);

    StreamServiceAggregationTest() {
        catalog.create(Channel.create(TENANT, CHANNEL, DeviceId.of("dev-1"), Optional.empty(), Optional.empty(),
                Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void rangeWithinOnePage_isReadWhole_andHasNoNext() {
        AggregatePage page = service.aggregate(query("2026-11-21T10:02:30Z", "2026-11-21T10:20:00Z", 10));

        assertThat(store.ranges).containsExactly(List.of(Instant.parse("2026-11-21T10:02:30Z"),
                Instant.parse("2026-11-21T10:20:00Z")));
        assertThat(page.next()).isEmpty();
    }

    @Test
    void longerRange_isCutAfterLimitIntervals_andNextIsTheStartOfTheFollowingInterval() {
        AggregatePage page = service.aggregate(query("2026-11-21T10:02:30Z", "2026-11-21T11:00:00Z", 3));

        assertThat(store.ranges).containsExactly(List.of(Instant.parse("2026-11-21T10:02:30Z"),
                Instant.parse("2026-11-21T10:14:59.999999Z")));
        assertThat(page.next()).contains(Instant.parse("2026-11-21T10:15:00Z"));
    }

    @Test
    void pageEndingExactlyAtTheEnd_hasANextThatHoldsOnlyTheEndInstant() {
        AggregatePage page = service.aggregate(query("2026-11-21T10:00:00Z", "2026-11-21T10:15:00Z", 3));

        assertThat(page.next()).contains(Instant.parse("2026-11-21T10:15:00Z"));
        AggregatePage last = service.aggregate(query("2026-11-21T10:15:00Z", "2026-11-21T10:15:00Z", 3));
        assertThat(last.next()).isEmpty();
    }

    @Test
    void rangeWithMoreIntervalsThanAllowed_isRefusedBeforeReading() {
        assertThatThrownBy(() -> service.aggregate(query("2026-11-21T00:00:00Z", "2026-11-21T08:20:00Z", 10)))
                .isInstanceOf(TooManyBucketsException.class)
                .hasMessageContaining("101 intervals of 5m");
        assertThat(store.ranges).isEmpty();
    }

    @Test
    void aggregationOfAnotherTenantsChannel_isNotFound() {
        AggregateQuery foreign = new AggregateQuery(TenantId.of("U9z8y7x6w"), CHANNEL, Optional.empty(),
                Aggregation.AVG, BucketInterval.parse("5m"), Instant.parse("2026-11-21T10:00:00Z"),
                Instant.parse("2026-11-21T11:00:00Z"), 10);

        assertThatThrownBy(() -> service.aggregate(foreign)).isInstanceOf(ChannelNotFoundException.class);
    }

    private static AggregateQuery query(String start, String end, int limit) {
        return new AggregateQuery(TENANT, CHANNEL, Optional.empty(), Aggregation.AVG, BucketInterval.parse("5m"),
                Instant.parse(start), Instant.parse(end), limit);
    }

    /** Remembers the time ranges it was asked to aggregate; holds no points. */
    private static final class RangeRecordingStore extends UnusedPointStore {

        final List<List<Instant>> ranges = new ArrayList<>();

        @Override
        public List<Bucket> aggregate(TenantId tenant, ChannelId channel, Optional<Tag> tag, Aggregation aggregation,
                BucketInterval interval, Instant from, Instant to) {
            ranges.add(List.of(from, to));
            return List.of();
        }
    }
}
