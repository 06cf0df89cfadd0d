package io.thingbus.session.messaging;

import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaConsumerLoop;
import io.thingbus.session.domain.LifecycleProjection;
import io.thingbus.session.domain.ProjectionReport;
import io.thingbus.session.domain.StoreUnavailableException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Applies each batch polled from {@link Topics#LIFECYCLE} to the session view in one transaction through
 * {@link LifecycleProjection}; the {@link KafkaConsumerLoop} commits the batch's offsets only after that. Records that
 * are not usable session or sub-device events are logged, counted and skipped.
 *
 * <p>When the database fails, the batch fails as a whole (nothing of it is kept, nothing is counted as applied) and
 * the loop reads it again after a pause. Because the projection is idempotent, records consumed twice (a crash between
 * store and commit, a rebalance) leave the same view. Runs on the loop's thread.
 */
final class LifecycleBatchHandler implements KafkaConsumerLoop.BatchHandler {

    /** What the lifecycle consumer reads. */
    static final List<String> TOPICS = List.of(Topics.LIFECYCLE);

    private static final Logger LOG = Logger.getLogger(LifecycleBatchHandler.class);

    private final LifecycleProjection projection;
    private final LifecycleMetrics metrics;

    LifecycleBatchHandler(LifecycleProjection projection, LifecycleMetrics metrics) {
        this.projection = projection;
        this.metrics = metrics;
    }

    /** @throws IllegalStateException when the batch could not be stored; the loop reads it again */
    @Override
    public void handle(ConsumerRecords<byte[], byte[]> records) {
        LifecycleBatch batch = LifecycleBatch.of(records);
        ProjectionReport report = apply(batch);
        reportSkipped(batch, report);
        metrics.applied(report.applied(), report.stale());
    }

    private ProjectionReport apply(LifecycleBatch batch) {
        try {
            return projection.apply(batch.events());
        } catch (StoreUnavailableException e) {
            metrics.storeFailed();
            throw new IllegalStateException("session store unavailable: " + rootMessage(e), e);
        } catch (RuntimeException e) {
            metrics.storeFailed();
            LOG.errorf("applying a batch of lifecycle records failed unexpectedly (%s); it will be retried", e);
            throw new IllegalStateException("applying a batch failed unexpectedly: " + e, e);
        }
    }

    private void reportSkipped(LifecycleBatch batch, ProjectionReport report) {
        for (LifecycleBatch.MalformedRecord malformed : batch.malformed()) {
            metrics.malformed();
            LOG.warnf("skipped malformed lifecycle record at %s: %s", malformed.position(), malformed.reason());
        }
        for (ProjectionReport.Rejected rejected : report.rejected()) {
            metrics.invalid();
            LOG.warnf("skipped invalid lifecycle event at %s: %s", batch.positionOf(rejected.index()),
                    rejected.reason());
        }
    }

    /** The failure's message, with its root cause's when it has one: {@code cannot store … (Connection refused)}. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.getMessage() : failure.getMessage() + " (" + root.getMessage() + ")";
    }
}
