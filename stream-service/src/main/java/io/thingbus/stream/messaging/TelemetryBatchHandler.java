package io.thingbus.stream.messaging;

import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaConsumerLoop;
import io.thingbus.stream.domain.IngestionReport;
import io.thingbus.stream.domain.Rejection;
import io.thingbus.stream.domain.StoreUnavailableException;
import io.thingbus.stream.domain.TelemetryIngestion;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Stores each polled batch of {@link Topics#TELEMETRY} in one transaction through {@link TelemetryIngestion}; the
 * {@link KafkaConsumerLoop} commits the batch's offsets only after this returned, so offsets are committed only after
 * the points are durable. Malformed records and records that cannot become points are logged, counted and skipped.
 * When the store is down it throws {@link BatchNotStored}: nothing is committed or skipped, and the loop reads the same
 * records again after a growing pause. Because stores are idempotent, whatever is consumed twice (a crash between
 * store and commit, a rebalance, a reset group) is stored once.
 *
 * <p>Runs on the consumer loop's thread.
 */
public final class TelemetryBatchHandler implements KafkaConsumerLoop.BatchHandler {

    private static final Logger LOG = Logger.getLogger(TelemetryBatchHandler.class);

    private final TelemetryIngestion ingestion;
    private final IngestionMetrics metrics;

    public TelemetryBatchHandler(TelemetryIngestion ingestion, IngestionMetrics metrics) {
        this.ingestion = Objects.requireNonNull(ingestion, "ingestion");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void handle(ConsumerRecords<byte[], byte[]> records) {
        PolledBatch batch = PolledBatch.of(records);
        long started = System.nanoTime();
        IngestionReport report = store(batch);
        metrics.batchStored(Duration.ofNanos(System.nanoTime() - started));
        reportSkipped(batch, report);
        metrics.committed(batch.size(), report.pointsWritten());
    }

    private IngestionReport store(PolledBatch batch) {
        try {
            return ingestion.ingest(batch.telemetry());
        } catch (StoreUnavailableException e) {
            metrics.storeFailed();
            throw new BatchNotStored("store unavailable: " + rootMessage(e));
        } catch (RuntimeException e) {
            metrics.storeFailed();
            LOG.errorf(e, "storing a batch of %d telemetry records failed unexpectedly; it will be retried",
                    batch.size());
            throw new BatchNotStored("storing a batch failed unexpectedly");
        }
    }

    private void reportSkipped(PolledBatch batch, IngestionReport report) {
        for (PolledBatch.MalformedRecord malformed : batch.malformed()) {
            metrics.malformed();
            LOG.warnf("skipped malformed telemetry record at %s: %s", malformed.position(), malformed.reason());
        }
        for (Rejection rejection : report.rejections()) {
            metrics.rejected(rejection.reason());
            LOG.warnf("skipped telemetry record %s at %s (%s): %s", rejection.recordId(),
                    batch.positionOf(rejection.recordId()), rejection.reason(), rejection.detail());
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.getMessage() : failure.getMessage() + " (" + root.getMessage() + ")";
    }
}
