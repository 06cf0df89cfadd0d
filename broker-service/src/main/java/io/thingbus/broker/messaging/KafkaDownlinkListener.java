package io.thingbus.broker.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.domain.DownlinkDecision;
import io.thingbus.broker.domain.DownlinkMapper;
import io.thingbus.broker.domain.DownlinkPublisher;
import io.thingbus.broker.domain.DownlinkSkipReason;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.Topics;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
 * Delivers the downlink topic to the MQTT sessions of this instance, on one dedicated thread. Every instance reads
 * every record: its consumer group is {@code broker-service-<instance-id>} (instance ids must therefore be unique),
 * starting at the end of the topic the first time. Each record is decided by the {@link DownlinkMapper} and published
 * with the {@link DownlinkPublisher}; offsets are committed only after HiveMQ has taken the published records over.
 *
 * <ul>
 * <li>A malformed record, an expired one, one whose token this instance has never seen (no session of it here) or
 * that is no longer valid, or one with an invalid topic is logged at DEBUG (malformed: WARN), counted and skipped: it
 * never stops the partition.</li>
 * <li>When HiveMQ does not take a message over (not running, overloaded), the partition is rewound to that record
 * and retried after a pause: delivery is at least once; a retry may publish records after it twice.</li>
 * </ul>
 * Ready ({@link #isAssigned()}) once the group has assigned partitions and their start positions are known; from
 * then on no new record is missed. The consumer does not create the topic: until the deployment has, the instance
 * stays not ready.
 */
@Singleton
public class KafkaDownlinkListener {

    private static final Logger LOG = Logger.getLogger(KafkaDownlinkListener.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final DownlinkMapper mapper;
    private final DownlinkPublisher publisher;
    private final DownlinkMetrics metrics;
    private final Map<String, Object> consumerSettings;
    private volatile boolean running;
    private volatile boolean assigned;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    KafkaDownlinkListener(DownlinkMapper mapper, DownlinkPublisher publisher,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, BrokerInstance instance,
            MeterRegistry registry) {
        this.mapper = mapper;
        this.publisher = publisher;
        this.metrics = new DownlinkMetrics(registry);
        this.consumerSettings = consumerSettings(kafkaConfig, instance);
    }

    /** Starts after the MQTT broker, so that what it reads can be published. */
    void start(@Observes @Priority(30) StartupEvent event) {
        KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerSettings);
        consumer = kafka;
        running = true;
        thread = new Thread(() -> run(kafka), "thingbus-downlink-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(15).toMillis());
        }
    }

    /** Whether the listener thread runs; false after shutdown or when it died on an unexpected error. */
    public boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    /** Whether partitions are assigned and positioned: records written from now on reach this instance. */
    public boolean isAssigned() {
        return assigned;
    }

    private void run(KafkaConsumer<byte[], byte[]> kafka) {
        try (kafka) {
            kafka.subscribe(List.of(Topics.DOWNLINK), new Positioning(kafka));
            listen(kafka);
        } catch (RuntimeException e) {
            LOG.error("the downlink listener stopped unexpectedly; commands no longer reach devices on this instance", e);
        }
    }

    private void listen(KafkaConsumer<byte[], byte[]> kafka) {
        while (running) {
            try {
                deliver(kafka, kafka.poll(POLL_TIMEOUT));
            } catch (WakeupException e) {
                // shutdown: the loop condition ends it
            } catch (KafkaException e) {
                LOG.warnf("reading %s failed, retrying: %s", Topics.DOWNLINK, e.getMessage());
                pause();
            }
        }
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
            pause();
        }
    }

    /** Publishes one partition's records; returns the offset to go on from (the first that must be retried, if any). */
    private long deliverPartition(List<ConsumerRecord<byte[], byte[]>> records) {
        List<CompletableFuture<Void>> published = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            published.add(publish(record));
        }
        for (int i = 0; i < records.size(); i++) {
            if (!succeeded(records.get(i), published.get(i))) {
                return records.get(i).offset();
            }
        }
        return records.get(records.size() - 1).offset() + 1;
    }

    /** Completes normally when the record is done with (published or skipped), exceptionally when it must be retried. */
    private CompletableFuture<Void> publish(ConsumerRecord<byte[], byte[]> record) {
        DownlinkRecord downlink;
        try {
            downlink = DownlinkRecord.fromHeaders(headers(record), record.value());
        } catch (MalformedRecordException e) {
            metrics.skipped(DownlinkSkipReason.MALFORMED);
            LOG.warnf("skipped malformed downlink record %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        DownlinkDecision decision = mapper.decide(downlink);
        if (decision instanceof DownlinkDecision.Skip skip) {
            metrics.skipped(skip.reason());
            LOG.debugf("skipped downlink %s: %s", downlink, skip.reason().label());
            return CompletableFuture.completedFuture(null);
        }
        return publisher.publish(((DownlinkDecision.Deliver) decision).message()).toCompletableFuture()
                .handle((ok, error) -> outcome(downlink, error));
    }

    private Void outcome(DownlinkRecord downlink, Throwable error) {
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        if (cause == null) {
            metrics.published();
            LOG.debugf("published downlink %s", downlink);
            return null;
        }
        if (cause instanceof IllegalArgumentException) {
            metrics.skipped(DownlinkSkipReason.INVALID_TOPIC);
            LOG.debugf("skipped downlink %s: %s", downlink, cause.getMessage());
            return null;
        }
        throw new IllegalStateException("HiveMQ did not take downlink " + downlink.id() + " over", cause);
    }

    private boolean succeeded(ConsumerRecord<byte[], byte[]> record, CompletableFuture<Void> published) {
        try {
            published.get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            metrics.failed();
            LOG.warnf("downlink record %s-%d@%d was not published, retrying: %s", record.topic(), record.partition(),
                    record.offset(), e.getCause() == null ? e.toString() : e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        }
    }

    private static List<Header> headers(ConsumerRecord<byte[], byte[]> record) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(h -> {
            if (h.value() != null) {
                headers.add(new Header(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            }
        });
        return headers;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Map<String, Object> consumerSettings(Map<String, Object> kafkaConfig, BrokerInstance instance) {
        Map<String, Object> settings = KafkaClientSettings.base(kafkaConfig, "thingbus-broker-downlink-" + instance.id());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(instance));
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return settings;
    }

    /** The consumer group of this instance: every instance reads every downlink record. */
    static String groupId(BrokerInstance instance) {
        return "broker-service-" + instance.id();
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
                LOG.infof("delivering downlink records from %d partitions of %s", kafka.assignment().size(),
                        Topics.DOWNLINK);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // offsets are committed after every batch; nothing is pending here
        }
    }
}
