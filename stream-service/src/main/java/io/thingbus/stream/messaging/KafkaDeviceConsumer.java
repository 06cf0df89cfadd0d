package io.thingbus.stream.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.Topics;
import io.thingbus.stream.domain.DeviceChange;
import io.thingbus.stream.domain.DeviceDirectory;
import io.thingbus.stream.domain.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Materialises the compacted {@link Topics#DEVICES} topic into the {@link DeviceDirectory}: each polled batch is
 * applied in one transaction, then its offsets are committed (only after the changes are durable). A new consumer group
 * starts from the beginning of the topic. Malformed records are logged, counted
 * ({@code thingbus_stream_device_records_malformed_total}) and skipped. When the store is down nothing is committed or
 * skipped: the consumer rewinds and polls the same records again after a growing pause. Applying a change twice
 * leaves the same state, so replays are harmless.
 *
 * <p>Runs on one thread ({@link #run()}); {@link #stop()} may be called from any thread.
 */
public final class KafkaDeviceConsumer implements Runnable, ConsumerStatus {

    private static final Logger LOG = Logger.getLogger(KafkaDeviceConsumer.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ConsumerSettings settings;
    private final DeviceDirectory directory;
    private final RetryBackoff backoff;
    private final Counter applied;
    private final Counter malformed;
    private final Counter storeFailures;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile ConsumerState state = ConsumerState.STARTING;
    private volatile String lastFailure = "";

    /**
     * Creates the Kafka client (it connects on the first poll).
     *
     * @param clientProperties Kafka client settings, at least {@code bootstrap.servers}; group, offsets and commit
     *        mode are set here
     * @throws KafkaException when the client settings are invalid
     */
    public KafkaDeviceConsumer(Map<String, Object> clientProperties, ConsumerSettings settings,
            DeviceDirectory directory, MeterRegistry meters) {
        this.settings = settings;
        this.directory = directory;
        this.backoff = new RetryBackoff(settings.retryBackoffInitial(), settings.retryBackoffMax());
        this.applied = Counter.builder("thingbus.stream.device.records")
                .description("Device registry records applied and committed").register(meters);
        this.malformed = Counter.builder("thingbus.stream.device.records.malformed")
                .description("Device registry records skipped because they do not follow the contract")
                .register(meters);
        this.storeFailures = Counter.builder("thingbus.stream.device.store.failures")
                .description("Batches of device records the store failed; each is retried").register(meters);
        this.consumer = new KafkaConsumer<>(consumerProperties(clientProperties, settings),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<String, Object> consumerProperties(Map<String, Object> client, ConsumerSettings settings) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        return properties;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.DEVICES));
            state = ConsumerState.CONSUMING;
            while (stopSignal.getCount() > 0) {
                pollOnce();
            }
            state = ConsumerState.STOPPED;
        } catch (WakeupException e) {
            state = ConsumerState.STOPPED;
        } catch (Exception e) {
            state = ConsumerState.FAILED;
            lastFailure = String.valueOf(e.getMessage());
            LOG.error("device consumer stopped by an unexpected failure", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the consumer to finish: a running batch completes and is committed, then {@link #run()} returns. */
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

    private void pollOnce() throws InterruptedException {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(settings.pollTimeout());
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            failed("polling failed: " + e.getMessage());
            return;
        }
        if (!records.isEmpty()) {
            applyOrRewind(records);
        }
    }

    private void applyOrRewind(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        List<DeviceChange> changes = decode(records);
        try {
            directory.apply(changes);
        } catch (StoreUnavailableException e) {
            storeFailures.increment();
            records.partitions().forEach(p -> consumer.seek(p, records.records(p).get(0).offset()));
            failed("store unavailable: " + e.getMessage() + "; the batch of " + records.count()
                    + " records will be retried");
            return;
        }
        commit(records);
        applied.increment(changes.size());
        backoff.reset();
        lastFailure = "";
        state = ConsumerState.CONSUMING;
    }

    private List<DeviceChange> decode(ConsumerRecords<byte[], byte[]> records) {
        List<DeviceChange> changes = new ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                try {
                    changes.add(DeviceRecords.decode(record.key(), record.value()));
                } catch (MalformedRecordException e) {
                    malformed.increment();
                    LOG.warnf("skipped malformed device record at %s@%d: %s", partition, record.offset(),
                            e.getMessage());
                }
            }
        }
        return changes;
    }

    private void commit(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
            next.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        try {
            consumer.commitSync(next);
        } catch (WakeupException e) {
            consumer.commitSync(next);
            throw e;
        } catch (KafkaException e) {
            LOG.warnf("committing offsets failed (%s): the batch is applied and will be consumed again, "
                    + "which changes nothing", e.getMessage());
        }
    }

    private void failed(String failure) throws InterruptedException {
        state = ConsumerState.RETRYING;
        lastFailure = failure;
        Duration pause = backoff.next();
        LOG.warnf("%s (next attempt in %s)", failure, pause);
        stopSignal.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    }
}
