package io.thingbus.session.messaging;

import io.thingbus.contracts.Topics;
import io.thingbus.session.domain.LifecycleProjection;
import io.thingbus.session.domain.ProjectionReport;
import io.thingbus.session.domain.StoreUnavailableException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Consumes {@link Topics#LIFECYCLE} and applies each polled batch to the session view in one transaction through
 * {@link LifecycleProjection}, then commits the batch's offsets: offsets are committed only after the view is durable.
 * Records that are not usable session or sub-device events are logged, counted and skipped. When the database is down, nothing is
 * committed or skipped: the consumer rewinds to the batch's first offsets and polls the same records again after a
 * growing pause. Because the projection is idempotent, records consumed twice (a crash between store and commit, a
 * rebalance) leave the same view.
 *
 * <p>Runs on one thread ({@link #run()}); {@link #stop()} may be called from any thread.
 */
public final class KafkaLifecycleConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(KafkaLifecycleConsumer.class);

    /** What the consumer is doing. */
    public enum State { STARTING, CONSUMING, RETRYING, STOPPED, FAILED }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ConsumerSettings settings;
    private final LifecycleProjection projection;
    private final LifecycleMetrics metrics;
    private final RetryBackoff backoff;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile State state = State.STARTING;
    private volatile String lastFailure = "";

    /**
     * Creates the Kafka client (it connects on the first poll).
     *
     * @param clientProperties Kafka client settings, at least {@code bootstrap.servers}; group, offsets, commit mode
     *        and deserializers are set here
     * @throws KafkaException when the client settings are invalid
     */
    public KafkaLifecycleConsumer(Map<String, Object> clientProperties, ConsumerSettings settings,
            LifecycleProjection projection, LifecycleMetrics metrics) {
        this.settings = settings;
        this.projection = projection;
        this.metrics = metrics;
        this.backoff = new RetryBackoff(settings.retryBackoffInitial(), settings.retryBackoffMax());
        this.consumer = new KafkaConsumer<>(consumerProperties(clientProperties, settings),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static Map<String, Object> consumerProperties(Map<String, Object> clientProperties, ConsumerSettings settings) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "session-service-lifecycle");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        return properties;
    }

    @Override
    public void run() {
        try (AutoCloseable ignored = metrics.bind(consumer)) {
            consumer.subscribe(List.of(Topics.LIFECYCLE));
            state = State.CONSUMING;
            while (!stopping()) {
                pollOnce();
            }
            state = State.STOPPED;
        } catch (WakeupException e) {
            state = State.STOPPED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = State.STOPPED;
        } catch (Exception e) {
            state = State.FAILED;
            lastFailure = String.valueOf(e.getMessage());
            LOG.error("lifecycle consumer stopped by an unexpected failure", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the consumer to finish: a running batch completes and is committed, then {@link #run()} returns. */
    public void stop() {
        stopSignal.countDown();
        consumer.wakeup();
    }

    public State state() {
        return state;
    }

    /** The failure the consumer is retrying after, or empty while all is well. */
    public String lastFailure() {
        return lastFailure;
    }

    private boolean stopping() {
        return stopSignal.getCount() == 0;
    }

    private void pollOnce() throws InterruptedException {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(settings.pollTimeout());
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            failed("polling failed: " + e.getMessage(), null);
            return;
        }
        if (!records.isEmpty()) {
            applyOrRewind(LifecycleBatch.of(records));
        }
    }

    private void applyOrRewind(LifecycleBatch batch) throws InterruptedException {
        ProjectionReport report;
        try {
            report = projection.apply(batch.events());
        } catch (StoreUnavailableException e) {
            rewindAndPause(batch, "session store unavailable: " + rootMessage(e), null);
            return;
        } catch (RuntimeException e) {
            rewindAndPause(batch, "applying a batch failed unexpectedly", e);
            return;
        }
        commit(batch);
        reportSkipped(batch, report);
        metrics.applied(report.applied(), report.stale());
        backoff.reset();
        lastFailure = "";
        state = State.CONSUMING;
    }

    private void rewindAndPause(LifecycleBatch batch, String failure, Exception unexpected)
            throws InterruptedException {
        metrics.storeFailed();
        batch.firstOffsets().forEach(consumer::seek);
        failed(failure + "; the batch of " + batch.size() + " records will be retried", unexpected);
    }

    private void failed(String failure, Exception unexpected) throws InterruptedException {
        state = State.RETRYING;
        lastFailure = failure;
        Duration pause = backoff.next();
        if (unexpected == null) {
            LOG.warnf("%s (next attempt in %s)", failure, pause);
        } else {
            LOG.errorf(unexpected, "%s (next attempt in %s)", failure, pause);
        }
        stopSignal.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void commit(LifecycleBatch batch) {
        try {
            consumer.commitSync(batch.nextOffsets());
        } catch (WakeupException e) {
            consumer.commitSync(batch.nextOffsets());
            throw e;
        } catch (KafkaException e) {
            LOG.warnf("committing offsets failed (%s): the batch is applied and will be consumed again, "
                    + "which leaves the same view", e.getMessage());
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

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.getMessage() : failure.getMessage() + " (" + root.getMessage() + ")";
    }
}
