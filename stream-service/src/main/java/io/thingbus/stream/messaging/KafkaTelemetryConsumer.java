package io.thingbus.stream.messaging;

import io.thingbus.contracts.Topics;
import io.thingbus.stream.domain.IngestionReport;
import io.thingbus.stream.domain.Rejection;
import io.thingbus.stream.domain.StoreUnavailableException;
import io.thingbus.stream.domain.TelemetryIngestion;
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
 * Consumes {@link Topics#TELEMETRY} and stores each polled batch in one transaction through
 * {@link TelemetryIngestion}, then commits the batch's offsets: offsets are committed only after the points are
 * durable. Malformed records are logged, counted and skipped. When the store is down, nothing is committed or skipped:
 * the consumer rewinds to the batch's first offsets and polls the same records again after a growing pause. Because
 * stores are idempotent, whatever is consumed twice (a crash between store and commit, a rebalance, a reset group) is
 * stored once.
 *
 * <p>Runs on one thread ({@link #run()}); {@link #stop()} may be called from any thread.
 */
public final class KafkaTelemetryConsumer implements Runnable, ConsumerStatus {

    private static final Logger LOG = Logger.getLogger(KafkaTelemetryConsumer.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ConsumerSettings settings;
    private final TelemetryIngestion ingestion;
    private final IngestionMetrics metrics;
    private final RetryBackoff backoff;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile ConsumerState state = ConsumerState.STARTING;
    private volatile String lastFailure = "";

    /**
     * Creates the Kafka client (it connects on the first poll).
     *
     * @param clientProperties Kafka client settings, at least {@code bootstrap.servers}; group, offsets, commit mode
     *        and deserializers are set here
     * @throws KafkaException when the client settings are invalid
     */
    public KafkaTelemetryConsumer(Map<String, Object> clientProperties, ConsumerSettings settings,
            TelemetryIngestion ingestion, IngestionMetrics metrics) {
        this.settings = settings;
        this.ingestion = ingestion;
        this.metrics = metrics;
        this.backoff = new RetryBackoff(settings.retryBackoffInitial(), settings.retryBackoffMax());
        this.consumer = new KafkaConsumer<>(consumerProperties(clientProperties, settings),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static Map<String, Object> consumerProperties(Map<String, Object> clientProperties, ConsumerSettings settings) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        return properties;
    }

    @Override
    public void run() {
        try (AutoCloseable ignored = metrics.bind(consumer)) {
            consumer.subscribe(List.of(Topics.TELEMETRY));
            state = ConsumerState.CONSUMING;
            while (!stopping()) {
                pollOnce();
            }
            state = ConsumerState.STOPPED;
        } catch (WakeupException e) {
            state = ConsumerState.STOPPED;
        } catch (Exception e) {
            state = ConsumerState.FAILED;
            lastFailure = String.valueOf(e.getMessage());
            LOG.error("telemetry consumer stopped by an unexpected failure", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the consumer to finish: a running store completes and is committed, then {@link #run()} returns. */
    public void stop() {
        stopSignal.countDown();
        consumer.wakeup();
    }

    @Override
    public ConsumerState state() {
        return state;
    }

    @Override
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
            storeOrRewind(PolledBatch.of(records));
        }
    }

    private void storeOrRewind(PolledBatch batch) throws InterruptedException {
        IngestionReport report;
        long started = System.nanoTime();
        try {
            report = ingestion.ingest(batch.telemetry());
        } catch (StoreUnavailableException e) {
            rewindAndPause(batch, "store unavailable: " + rootMessage(e), null);
            return;
        } catch (RuntimeException e) {
            rewindAndPause(batch, "storing a batch failed unexpectedly", e);
            return;
        }
        metrics.batchStored(Duration.ofNanos(System.nanoTime() - started));
        commit(batch);
        reportSkipped(batch, report);
        metrics.committed(batch.size(), report.pointsWritten());
        backoff.reset();
        lastFailure = "";
        state = ConsumerState.CONSUMING;
    }

    private void rewindAndPause(PolledBatch batch, String failure, Exception unexpected) throws InterruptedException {
        metrics.storeFailed();
        batch.firstOffsets().forEach(consumer::seek);
        failed(failure + "; the batch of " + batch.size() + " records will be retried", unexpected);
    }

    private void failed(String failure, Exception unexpected) throws InterruptedException {
        state = ConsumerState.RETRYING;
        lastFailure = failure;
        Duration pause = backoff.next();
        if (unexpected == null) {
            LOG.warnf("%s (next attempt in %s)", failure, pause);
        } else {
            LOG.errorf(unexpected, "%s (next attempt in %s)", failure, pause);
        }
        stopSignal.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void commit(PolledBatch batch) {
        try {
            consumer.commitSync(batch.nextOffsets());
        } catch (WakeupException e) {
            consumer.commitSync(batch.nextOffsets());
            throw e;
        } catch (KafkaException e) {
            LOG.warnf("committing offsets failed (%s): the batch is stored and will be consumed again, "
                    + "which stores nothing twice", e.getMessage());
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
