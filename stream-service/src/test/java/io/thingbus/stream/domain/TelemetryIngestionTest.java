package io.thingbus.stream.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelemetryIngestionTest {

    private static final TenantId TENANT = TenantId.of("U1a2b3c4d");
    private static final DeviceId DEVICE = DeviceId.of("dev-1");
    private static final Instant TIME = Instant.parse("2026-11-21T22:01:02.123Z");

    private final CapturingStore store = new CapturingStore();
    private final TelemetryIngestion ingestion = new TelemetryIngestion(store, new PayloadDecoder());

    @Test
    void record_becomesAPointOfTheDevicesDefaultChannel_withItsIdTimeAndTag() {
        IngestionReport report = ingestion.ingest(List.of(record("r1", Optional.of("kitchen"), "{\"temp\":20}")));

        assertThat(report.pointsWritten()).isEqualTo(1);
        assertThat(report.rejections()).isEmpty();
        Point point = store.appended.get(0);
        assertThat(point.channel()).isEqualTo(ChannelId.defaultFor(TENANT, DEVICE));
        assertThat(point.tenant()).isEqualTo(TENANT);
        assertThat(point.device()).isEqualTo(DEVICE);
        assertThat(point.recordId()).isEqualTo("r1");
        assertThat(point.time()).isEqualTo(TIME);
        assertThat(point.tag()).contains(new Tag("kitchen"));
        assertThat(point.content().values().toJson()).isEqualTo("{\"temp\":20}");
    }

    @Test
    void recordWithUnusablePayload_isRejected_andTheOthersOfTheBatchAreStored() {
        IngestionReport report = ingestion.ingest(List.of(
                record("r1", Optional.empty(), "{\"temp\":"),
                record("r2", Optional.empty(), "21")));

        assertThat(store.appended).extracting(Point::recordId).containsExactly("r2");
        assertThat(report.pointsWritten()).isEqualTo(1);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.recordId()).isEqualTo("r1");
            assertThat(r.reason()).isEqualTo(Rejection.Reason.INVALID_PAYLOAD);
        });
    }

    @Test
    void pointRefusedByTheStore_isReportedAsRejected() {
        store.refuse = "r2";

        IngestionReport report = ingestion.ingest(List.of(
                record("r1", Optional.empty(), "1"), record("r2", Optional.empty(), "2")));

        assertThat(report.pointsWritten()).isEqualTo(1);
        assertThat(report.rejections()).extracting(Rejection::recordId, Rejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r2", Rejection.Reason.REFUSED_BY_STORE));
    }

    @Test
    void batchWithoutUsableRecords_doesNotTouchTheStore() {
        IngestionReport report = ingestion.ingest(List.of(record("r1", Optional.empty(), "[]")));

        assertThat(store.calls).isZero();
        assertThat(report.rejections()).hasSize(1);
    }

    private static TelemetryRecord record(String id, Optional<String> tag, String payload) {
        return new TelemetryRecord(id, TIME, "//test", TENANT, DEVICE, tag, PayloadFormat.JSON, Optional.empty(),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps what it is given; refuses the point of one record id if asked to. */
    private static final class CapturingStore extends UnusedPointStore {

        final List<Point> appended = new ArrayList<>();
        String refuse;
        int calls;

        @Override
        public List<RefusedPoint> append(List<Point> points) {
            calls++;
            List<RefusedPoint> refused = new ArrayList<>();
            for (Point point : points) {
                if (point.recordId().equals(refuse)) {
                    refused.add(new RefusedPoint(point, "value out of range"));
                } else {
                    appended.add(point);
                }
            }
            return refused;
        }
    }
}
