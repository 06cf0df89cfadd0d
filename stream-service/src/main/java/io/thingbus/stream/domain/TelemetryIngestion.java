package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TelemetryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores telemetry records as points of their device's channel: the channel the device registry names for the device
 * when the tenant has it, otherwise the device's default channel ({@link ChannelId#defaultFor}), created on first
 * sight (see {@link PointStore#append(List)}). A record's tag becomes a known tag of that channel. Thread-safe; the
 * caller decides batching and retries.
 */
public final class TelemetryIngestion {

    private final PointStore store;
    private final PayloadDecoder decoder;

    public TelemetryIngestion(PointStore store, PayloadDecoder decoder) {
        this.store = Objects.requireNonNull(store, "store");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /**
     * Stores the records' points in one transaction. A record whose payload or tag cannot become a point, or whose
     * point the store refuses, is rejected and reported; the others are stored. Idempotent: ingesting the same
     * records again stores nothing twice.
     *
     * @throws StoreUnavailableException when the store is down; then nothing of the batch was stored
     */
    public IngestionReport ingest(List<TelemetryRecord> records) {
        List<Rejection> rejections = new ArrayList<>();
        List<Point> points = new ArrayList<>(records.size());
        for (TelemetryRecord record : records) {
            toPoint(record, rejections).ifPresent(points::add);
        }
        List<RefusedPoint> refused = points.isEmpty() ? List.of() : store.append(points);
        refused.forEach(r -> rejections.add(new Rejection(
                r.point().recordId(), Rejection.Reason.REFUSED_BY_STORE, r.reason())));
        return new IngestionReport(points.size() - refused.size(), rejections);
    }

    private Optional<Point> toPoint(TelemetryRecord record, List<Rejection> rejections) {
        try {
            return Optional.of(pointOf(record));
        } catch (InvalidPointException | IllegalArgumentException e) {
            rejections.add(new Rejection(record.id(), Rejection.Reason.INVALID_PAYLOAD, e.getMessage()));
            return Optional.empty();
        }
    }

    private Point pointOf(TelemetryRecord record) {
        return new Point(
                record.tenant(),
                ChannelId.defaultFor(record.tenant(), record.device()),
                record.device(),
                record.time(),
                record.id(),
                Tag.optional(record.tag().orElse(null)),
                decoder.decode(record.format(), record.payload()));
    }
}
