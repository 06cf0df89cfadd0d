package io.thingbus.broker.messaging;

import io.thingbus.kafka.KafkaClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Reads one topic on a dedicated thread and hands every record to a {@link RecordHandler} that delivers it to the
 * MQTT sessions of this instance. Every instance reads every record: the consumer group is the instance's own,
 * starting at the end of the topic the first time (sessions live in memory, so nothing older can concern them).
 *
 * <ul>
 * <li>A batch of one partition is handed over without waiting; then the consumer waits for the handler's results
 * and commits per partition up to the first record that must be retried — offsets are committed only after the
 * work is done (HiveMQ took the messages over).</li>
 * <li>A record the handler fails is retried: the partition is rewound to it after a pause (at least once; records
 * after it in the same batch may be handled twice). The handler skips malformed records itself, so they never stop
 * the partition.</li>
 * </ul>
 * {@link #isAssigned()} turns true once the group assigned partitions and their start positions are known: records
 * written from then on reach this instance. The consumer does not create the topic.
 */
final class DeliveryConsumer {

    /** Delivers one record. */
    interface RecordHandler {

        /**
         * Completes normally when the record is done with (delivered or skipped), exceptionally when it must be
         * retried. Never blocks, never throws.
         */
        CompletableFuture<Void> handle(ConsumerRecord<byte[], byte[]> record);
    }

    private static final Logger LOG = Logger.getLogger(DeliveryConsumer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final String name;
    private final RecordHandler handler;
    private final Runnable onRetry;
    private final ConsumerThread thread;
    private volatile boolean assigned;

    /**
     * @param name what it delivers, for its thread's name and log messages
     * @param settings the consumer settings, see {@link #settings}
     * @param onRetry called once per record that must be retried (to count it)
     */
    DeliveryConsumer(String topic, String name, Map<String, Object> settings, RecordHandler handler,
            Runnable onRetry) {
        this.topic = topic;
        this.name = name;
        this.handler = handler;
        this.onRetry = onRetry;
        this.thread = new ConsumerThread(topic, name, settings, new Delivering(),
                topic + " no longer reaches clients on this instance");
    }

    /**
     * Consumer settings: the shared ones ({@link ConsumerThread#settings}) in this client id and group, starting at the
     * end of the topic.
     */
    static Map<String, Object> settings(KafkaClientSettings kafka, String clientId, String groupId) {
        return ConsumerThread.settings(kafka, clientId, groupId, "latest");
    }

    /** Creates the consumer at once (invalid settings fail here) and starts reading. */
    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        thread.stop();
    }

    /** Whether the consumer thread runs; false after shutdown or when it died on an unexpected error. */
    boolean isRunning() {
        return thread.isRunning();
    }

    /** Whether partitions are assigned and positioned: records written from now on reach this instance. */
    boolean isAssigned() {
        return assigned;
    }

    private void deliver(KafkaConsumer<byte[], byte[]> kafka, ConsumerRecords<byte[], byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean retry = false;
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
            long next = deliverPartition(batch);
            if (next > batch.get(0).offset()) {
                done.put(partition, new OffsetAndMetadata(next));
            }
            if (next <= batch.get(batch.size() - 1).offset()) {
                kafka.seek(partition, next);
                retry = true;
            }
        }
        if (!done.isEmpty()) {
            kafka.commitSync(done);
        }
        if (retry) {
            thread.pause();
        }
    }

    /** Hands one partition's records over; returns the offset to go on from (the first that must be retried). */
    private long deliverPartition(List<ConsumerRecord<byte[], byte[]>> records) {
        List<CompletableFuture<Void>> handled = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            handled.add(handle(record));
        }
        for (int i = 0; i < records.size(); i++) {
            if (!succeeded(records.get(i), handled.get(i))) {
                return records.get(i).offset();
            }
        }
        return records.get(records.size() - 1).offset() + 1;
    }

    private CompletableFuture<Void> handle(ConsumerRecord<byte[], byte[]> record) {
        try {
            return handler.handle(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean succeeded(ConsumerRecord<byte[], byte[]> record, CompletableFuture<Void> handled) {
        try {
            handled.get(HANDLER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            onRetry.run();
            LOG.warnf("%s record %s-%d@%d was not delivered, retrying: %s", name, record.topic(), record.partition(),
                    record.offset(), e.getCause() == null ? e.toString() : e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            thread.interrupted();
            return false;
        }
    }

    /** Subscribes with {@link Positioning}, then delivers what each poll brings. */
    private final class Delivering implements ConsumerThread.Reader {

        @Override
        public void begin(KafkaConsumer<byte[], byte[]> kafka) {
            kafka.subscribe(List.of(topic), new Positioning(kafka));
        }

        @Override
        public void readOnce(KafkaConsumer<byte[], byte[]> kafka) {
            deliver(kafka, kafka.poll(POLL_TIMEOUT));
        }
    }

    /** Resolves the start positions of newly assigned partitions at once, so that readiness means "nothing missed". */
    private final class Positioning implements ConsumerRebalanceListener {

        private final KafkaConsumer<byte[], byte[]> kafka;

        Positioning(KafkaConsumer<byte[], byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(kafka::position);
            if (!kafka.assignment().isEmpty()) {
                assigned = true;
                LOG.infof("delivering %s from %d partitions of %s", name, kafka.assignment().size(), topic);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // offsets are committed after every batch; nothing is pending here
        }
    }
}
