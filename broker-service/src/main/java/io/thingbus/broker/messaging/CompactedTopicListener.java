package io.thingbus.broker.messaging;

import io.micrometer.core.instrument.Counter;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.kafka.KafkaClientSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Materialises one compacted topic into an in-memory copy, continuously, on one dedicated thread. It assigns every
 * partition itself (no consumer group, no committed offsets: the whole topic is read from the beginning at every
 * start, which is what makes the local copy complete) and picks up partitions added later. Once every partition has
 * been read up to the end offset seen at start-up, it calls {@code onCurrent} (once).
 *
 * <p>A record the {@link RecordApplier} finds malformed is logged, counted and skipped. Kafka being unreachable only
 * delays the listener; it retries until {@link #stop()}. The consumer does not create the topic (an auto-created
 * topic would not be compacted): until the deployment has, the copy never becomes current.
 */
final class CompactedTopicListener {

    /** Applies one record (key and value as stored; a null value is a tombstone) to the local copy. */
    interface RecordApplier {

        /** @throws MalformedRecordException when the record does not follow its schema; the copy is then unchanged */
        void apply(byte[] key, byte[] value);
    }

    private static final Logger LOG = Logger.getLogger(CompactedTopicListener.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);

    private final String topic;
    private final String name;
    private final RecordApplier applier;
    private final Runnable onCurrent;
    private final Counter malformed;
    private final ConsumerThread thread;
    private final Map<TopicPartition, Long> startupEndOffsets = new HashMap<>();
    private Instant nextRefresh = Instant.MIN;
    private boolean current;

    /**
     * @param name what the topic holds, for the thread's name and log messages ({@code credential})
     * @param settings the consumer settings, see {@link #settings}
     * @param onCurrent called once, on the listener thread, when everything that existed at start-up has been read
     * @param malformed counts the records skipped as malformed
     */
    CompactedTopicListener(String topic, String name, Map<String, Object> settings, RecordApplier applier,
            Runnable onCurrent, Counter malformed) {
        this.topic = topic;
        this.name = name;
        this.applier = applier;
        this.onCurrent = onCurrent;
        this.malformed = malformed;
        this.thread = new ConsumerThread(topic, name, settings, this::readOnce,
                "changes on " + topic + " no longer reach this instance");
    }

    /**
     * The shared consumer settings ({@link ConsumerThread#settings}) in this client id, without a consumer group: the
     * listener assigns partitions itself and commits nothing.
     */
    static Map<String, Object> settings(KafkaClientSettings kafka, String clientId) {
        return ConsumerThread.settings(kafka, clientId, null, "earliest");
    }

    /** Creates the consumer at once (invalid settings fail here) and starts reading. */
    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        thread.stop();
    }

    /** Whether the listener thread runs; false after shutdown or when it died on an unexpected error. */
    boolean isRunning() {
        return thread.isRunning();
    }

    private void readOnce(KafkaConsumer<byte[], byte[]> kafka) {
        if (Instant.now().isAfter(nextRefresh)) {
            assignNewPartitions(kafka);
            nextRefresh = Instant.now().plus(PARTITION_REFRESH);
        }
        pollOnce(kafka);
    }

    private void pollOnce(KafkaConsumer<byte[], byte[]> kafka) {
        if (kafka.assignment().isEmpty()) {
            thread.pause();
            return;
        }
        for (ConsumerRecord<byte[], byte[]> record : kafka.poll(POLL_TIMEOUT)) {
            apply(record);
        }
        if (!current && caughtUp(kafka)) {
            current = true;
            onCurrent.run();
        }
    }

    private void assignNewPartitions(KafkaConsumer<byte[], byte[]> kafka) {
        List<TopicPartition> found = kafka.partitionsFor(topic, METADATA_TIMEOUT).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        Set<TopicPartition> added = found.stream()
                .filter(p -> !kafka.assignment().contains(p))
                .collect(Collectors.toSet());
        if (found.isEmpty()) {
            LOG.warnf("topic %s does not exist (yet): the broker stays not ready", topic);
        }
        if (added.isEmpty()) {
            return;
        }
        kafka.assign(found);
        kafka.seekToBeginning(added);
        if (startupEndOffsets.isEmpty()) {
            startupEndOffsets.putAll(kafka.endOffsets(added, METADATA_TIMEOUT));
        }
        LOG.infof("reading %d partitions of %s from the beginning", found.size(), topic);
    }

    private boolean caughtUp(KafkaConsumer<byte[], byte[]> kafka) {
        return startupEndOffsets.entrySet().stream()
                .allMatch(end -> kafka.position(end.getKey(), METADATA_TIMEOUT) >= end.getValue());
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            applier.apply(record.key(), record.value());
        } catch (MalformedRecordException e) {
            malformed.increment();
            LOG.warnf("skipped malformed %s record %s-%d@%d: %s", name, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }
}
