package io.thingbus.stream.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.thingbus.stream.domain.Rejection;
import java.time.Duration;

/**
 * The meters of the telemetry consumer (Prometheus names in brackets):
 * <ul>
 *   <li>{@code thingbus.stream.telemetry.records} [{@code thingbus_stream_telemetry_records_total}]: records
 *       consumed and committed;</li>
 *   <li>{@code thingbus.stream.telemetry.rejected} with {@code reason} = {@code malformed-record},
 *       {@code invalid-payload}, {@code refused-by-store}: records skipped;</li>
 *   <li>{@code thingbus.stream.points.written}: points handed to the store and kept (replayed duplicates
 *       included);</li>
 *   <li>{@code thingbus.stream.store.failures}: batches the store failed, each retried;</li>
 *   <li>{@code thingbus.stream.batch.store}: time to store one batch;</li>
 *   <li>the Kafka consumer's own metrics ({@code kafka.consumer.*}, e.g. records lag), bound by a
 *       {@link io.thingbus.kafka.ConsumerMetricsBinding}.</li>
 * </ul>
 * Thread-safe.
 */
public final class IngestionMetrics {

    private final MeterRegistry registry;
    private final Counter records;
    private final Counter malformed;
    private final Counter invalidPayload;
    private final Counter refusedByStore;
    private final Counter pointsWritten;
    private final Counter storeFailures;
    private final Timer batchStore;

    public IngestionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.records = Counter.builder("thingbus.stream.telemetry.records")
                .description("Telemetry records consumed and committed").register(registry);
        this.malformed = rejected("malformed-record");
        this.invalidPayload = rejected("invalid-payload");
        this.refusedByStore = rejected("refused-by-store");
        this.pointsWritten = Counter.builder("thingbus.stream.points.written")
                .description("Points handed to the store and kept, replayed duplicates included").register(registry);
        this.storeFailures = Counter.builder("thingbus.stream.store.failures")
                .description("Batches the store failed; each is retried").register(registry);
        this.batchStore = Timer.builder("thingbus.stream.batch.store")
                .description("Time to store one batch of telemetry").register(registry);
    }

    void committed(int recordCount, int points) {
        records.increment(recordCount);
        pointsWritten.increment(points);
    }

    void malformed() {
        malformed.increment();
    }

    void rejected(Rejection.Reason reason) {
        (reason == Rejection.Reason.REFUSED_BY_STORE ? refusedByStore : invalidPayload).increment();
    }

    void storeFailed() {
        storeFailures.increment();
    }

    void batchStored(Duration took) {
        batchStore.record(took);
    }

    /** Batches the store failed so far. */
    public double storeFailures() {
        return storeFailures.count();
    }

    private Counter rejected(String reason) {
        return Counter.builder("thingbus.stream.telemetry.rejected")
                .description("Telemetry records skipped because they cannot become points")
                .tag("reason", reason)
                .register(registry);
    }
}
