package io.thingbus.command.messaging;

import io.thingbus.command.domain.StateProjection;
import io.thingbus.command.domain.StateOutcome;
import io.thingbus.command.domain.StateReport;
import io.thingbus.command.domain.StoreUnavailableException;
import io.thingbus.contracts.Topics;
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
 * Consumes {@link Topics#DEVICES}, {@link Topics#LIFECYCLE} and {@link Topics#DEVICE_REQUESTS} and applies each polled
 * batch to this service's copy of devices, live sessions and sub-device connections, and to the answers of RPCs, in
 * one transaction through {@link StateProjection}, then commits the batch's offsets: offsets are committed only after
 * the state is durable. Records that do not follow their schema are logged, counted and skipped; device requests of
 * other types (attribute requests, claims) are skipped by their {@code ce_type}. After a batch in which a gateway
 * connected a sub-device, {@code routesChanged} runs (queued RPCs may now be sent). When the database is down, nothing is committed or skipped: the consumer rewinds to the batch's first
 * offsets and polls the same records again after a growing pause. Because the projection is idempotent, records
 * consumed twice (a crash between store and commit, a rebalance) leave the same state.
 *
 * <p>Runs on one thread ({@link #run()}); {@link #stop()} may be called from any thread.
 */
public final class KafkaStateConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(KafkaStateConsumer.class);

    /** What the consumer is doing. */
    public enum State { STARTING, CONSUMING, RETRYING, STOPPED, FAILED }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ConsumerSettings settings;
    private final StateProjection projection;
    private final StateMetrics metrics;
    private final RetryBackoff backoff;
    private final Runnable routesChanged;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile State state = State.STARTING;
    private volatile String lastFailure = "";

    /**
     * Creates the Kafka client (it connects on the first poll).
     *
     * @param clientProperties Kafka client settings, at least {@code bootstrap.servers}; group, offsets, commit mode
     *        and deserializers are set here
     * @param routesChanged runs on the consumer's thread after a batch that connected a sub-device; must not block
     * @throws KafkaException when the client settings are invalid
     */
    public KafkaStateConsumer(Map<String, Object> clientProperties, ConsumerSettings settings,
            StateProjection projection, StateMetrics metrics, Runnable routesChanged) {
        this.settings = settings;
        this.projection = projection;
        this.metrics = metrics;
        this.routesChanged = routesChanged;
        this.backoff = new RetryBackoff(settings.retryBackoffInitial(), settings.retryBackoffMax());
        this.consumer = new KafkaConsumer<>(consumerProperties(clientProperties, settings),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static Map<String, Object> consumerProperties(Map<String, Object> clientProperties, ConsumerSettings settings) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "command-service-state");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        return properties;
    }

    @Override
    public void run() {
        try (AutoCloseable ignored = metrics.bind(consumer)) {
            consumer.subscribe(List.of(Topics.DEVICES, Topics.LIFECYCLE, Topics.DEVICE_REQUESTS));
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
            LOG.error("state consumer stopped by an unexpected failure", e);
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
            applyOrRewind(StateBatch.of(records));
        }
    }

    private void applyOrRewind(StateBatch batch) throws InterruptedException {
        StateReport report;
        try {
            report = projection.apply(batch.inputs());
        } catch (StoreUnavailableException e) {
            rewindAndPause(batch, "state store unavailable: " + rootMessage(e), null);
            return;
        } catch (RuntimeException e) {
            rewindAndPause(batch, "applying a batch failed unexpectedly", e);
            return;
        }
        commit(batch);
        reportSkipped(batch, report);
        metrics.applied(report);
        metrics.ignored(batch.ignored());
        if (report.count(StateOutcome.SUBDEVICE_CONNECTED) > 0) {
            routesChanged.run();
        }
        backoff.reset();
        lastFailure = "";
        state = State.CONSUMING;
    }

    private void rewindAndPause(StateBatch batch, String failure, Exception unexpected)
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

    private void commit(StateBatch batch) {
        try {
            consumer.commitSync(batch.nextOffsets());
        } catch (WakeupException e) {
            consumer.commitSync(batch.nextOffsets());
            throw e;
        } catch (KafkaException e) {
            LOG.warnf("committing offsets failed (%s): the batch is applied and will be consumed again, "
                    + "which leaves the same state", e.getMessage());
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

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.getMessage() : failure.getMessage() + " (" + root.getMessage() + ")";
    }
}
