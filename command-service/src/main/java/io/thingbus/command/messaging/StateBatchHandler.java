package io.thingbus.command.messaging;

import io.thingbus.command.domain.StateOutcome;
import io.thingbus.command.domain.StateProjection;
import io.thingbus.command.domain.StateReport;
import io.thingbus.command.domain.StoreUnavailableException;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaConsumerLoop;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Applies each batch polled from {@link Topics#DEVICES}, {@link Topics#LIFECYCLE} and {@link Topics#DEVICE_REQUESTS}
 * to this service's copy of devices, live sessions and sub-device connections, and to the answers of RPCs, in one
 * transaction through {@link StateProjection}; the {@link KafkaConsumerLoop} commits the batch's offsets only after
 * that. Records that do not follow their schema are logged, counted and skipped; device requests of other types
 * (attribute requests, claims) are skipped by their {@code ce_type}. After a batch in which a gateway connected a
 * sub-device, {@code routesChanged} runs (queued RPCs may now be sent).
 *
 * <p>When the database fails, the batch fails as a whole (nothing of it is kept, nothing is counted as applied) and
 * the loop reads it again after a pause. Because the projection is idempotent, records consumed twice (a crash between
 * store and commit, a rebalance) leave the same state. Runs on the loop's thread.
 */
final class StateBatchHandler implements KafkaConsumerLoop.BatchHandler {

    /** What the state consumer reads. */
    static final List<String> TOPICS = List.of(Topics.DEVICES, Topics.LIFECYCLE, Topics.DEVICE_REQUESTS);

    private static final Logger LOG = Logger.getLogger(StateBatchHandler.class);

    private final StateProjection projection;
    private final StateMetrics metrics;
    private final Runnable routesChanged;

    /** @param routesChanged runs after a batch that connected a sub-device; must not block */
    StateBatchHandler(StateProjection projection, StateMetrics metrics, Runnable routesChanged) {
        this.projection = projection;
        this.metrics = metrics;
        this.routesChanged = routesChanged;
    }

    /** @throws IllegalStateException when the batch could not be stored; the loop reads it again */
    @Override
    public void handle(ConsumerRecords<byte[], byte[]> records) {
        StateBatch batch = StateBatch.of(records);
        StateReport report = apply(batch);
        reportSkipped(batch, report);
        metrics.applied(report);
        metrics.ignored(batch.ignored());
        if (report.count(StateOutcome.SUBDEVICE_CONNECTED) > 0) {
            routesChanged.run();
        }
    }

    private StateReport apply(StateBatch batch) {
        try {
            return projection.apply(batch.inputs());
        } catch (StoreUnavailableException e) {
            metrics.storeFailed();
            throw new IllegalStateException("state store unavailable: " + rootMessage(e), e);
        } catch (RuntimeException e) {
            metrics.storeFailed();
            LOG.errorf("applying a batch of state records failed unexpectedly (%s); it will be retried", e);
            throw new IllegalStateException("applying a batch failed unexpectedly: " + e, e);
        }
    }

    private void reportSkipped(StateBatch batch, StateReport report) {
        for (StateBatch.MalformedRecord malformed : batch.malformed()) {
            metrics.malformed();
            LOG.warnf("skipped malformed record at %s: %s", malformed.position(), malformed.reason());
        }
        for (StateReport.Rejected rejected : report.rejected()) {
            metrics.invalid();
            LOG.warnf("skipped invalid record at %s: %s", batch.positionOf(rejected.index()), rejected.reason());
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
