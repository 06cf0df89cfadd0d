package io.thingbus.broker.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.domain.DeviceCredentials;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaClientSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Materialises the compacted credentials topic into {@link DeviceCredentials}, continuously, on one dedicated
 * thread. It assigns every partition itself (no consumer group, no committed offsets: the whole topic is read from
 * the beginning at every start, which is what makes the local copy complete) and picks up partitions added later.
 * The credentials become {@linkplain DeviceCredentials#isCurrent() current} once every partition has been read up
 * to the end offset seen at start-up.
 *
 * <p>A malformed record is logged, counted ({@code thingbus.broker.credential.records.malformed}) and skipped. Kafka
 * being unreachable only delays the listener; it retries until shutdown.
 */
@Singleton
public class KafkaCredentialListener {

    private static final Logger LOG = Logger.getLogger(KafkaCredentialListener.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final DeviceCredentials credentials;
    private final Map<String, Object> consumerSettings;
    private final Counter malformed;
    private final Map<TopicPartition, Long> startupEndOffsets = new HashMap<>();
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    KafkaCredentialListener(DeviceCredentials credentials, KafkaClientSettings kafka, BrokerInstance instance,
            MeterRegistry registry) {
        this.credentials = credentials;
        this.consumerSettings = consumerSettings(kafka, instance);
        this.malformed = Counter.builder("thingbus.broker.credential.records.malformed")
                .description("Credential records skipped because they do not follow their schema")
                .register(registry);
        Gauge.builder("thingbus.broker.credentials.known", credentials, DeviceCredentials::size)
                .description("Device tokens the broker accepts")
                .register(registry);
    }

    /** Creates the consumer at once, so that invalid Kafka settings stop start-up, and starts reading. */
    void start(@Observes @Priority(10) StartupEvent event) {
        KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerSettings);
        consumer = kafka;
        running = true;
        thread = new Thread(() -> run(kafka), "thingbus-credential-listener");
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

    private void run(KafkaConsumer<byte[], byte[]> kafka) {
        try (kafka) {
            listen(kafka);
        } catch (RuntimeException e) {
            LOG.error("the credential listener stopped unexpectedly; new connections will not see credential changes", e);
        }
    }

    private void listen(KafkaConsumer<byte[], byte[]> kafka) {
        Instant nextRefresh = Instant.MIN;
        while (running) {
            try {
                if (Instant.now().isAfter(nextRefresh)) {
                    assignNewPartitions(kafka);
                    nextRefresh = Instant.now().plus(PARTITION_REFRESH);
                }
                pollOnce(kafka);
            } catch (WakeupException e) {
                // shutdown: the loop condition ends it
            } catch (KafkaException e) {
                LOG.warnf("reading %s failed, retrying: %s", Topics.DEVICE_CREDENTIALS, e.getMessage());
                pause();
            }
        }
    }

    private void pollOnce(KafkaConsumer<byte[], byte[]> kafka) {
        if (kafka.assignment().isEmpty()) {
            pause();
            return;
        }
        for (ConsumerRecord<byte[], byte[]> record : kafka.poll(POLL_TIMEOUT)) {
            apply(record);
        }
        if (!credentials.isCurrent() && caughtUp(kafka)) {
            credentials.markCurrent();
            LOG.infof("credentials are current: %d device tokens accepted", credentials.size());
        }
    }

    private void assignNewPartitions(KafkaConsumer<byte[], byte[]> kafka) {
        List<TopicPartition> found = kafka.partitionsFor(Topics.DEVICE_CREDENTIALS, METADATA_TIMEOUT).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        Set<TopicPartition> added = found.stream()
                .filter(p -> !kafka.assignment().contains(p))
                .collect(Collectors.toSet());
        if (found.isEmpty()) {
            LOG.warnf("topic %s does not exist (yet): the broker stays not ready", Topics.DEVICE_CREDENTIALS);
        }
        if (added.isEmpty()) {
            return;
        }
        kafka.assign(found);
        kafka.seekToBeginning(added);
        if (startupEndOffsets.isEmpty()) {
            startupEndOffsets.putAll(kafka.endOffsets(added, METADATA_TIMEOUT));
        }
        LOG.infof("reading %d partitions of %s from the beginning", found.size(), Topics.DEVICE_CREDENTIALS);
    }

    private boolean caughtUp(KafkaConsumer<byte[], byte[]> kafka) {
        return startupEndOffsets.entrySet().stream()
                .allMatch(end -> kafka.position(end.getKey(), METADATA_TIMEOUT) >= end.getValue());
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            CredentialRecords.apply(record.key(), record.value(), credentials);
        } catch (MalformedRecordException e) {
            malformed.increment();
            LOG.warnf("skipped malformed credential record %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * The shared consumer settings ({@link KafkaClientSettings#consumer}: byte arrays, manual commits) without a
     * consumer group: the listener assigns partitions itself and commits nothing. Reads committed records only and
     * never creates the topic.
     */
    private static Map<String, Object> consumerSettings(KafkaClientSettings kafka, BrokerInstance instance) {
        Map<String, Object> settings = new HashMap<>(
                kafka.consumer("thingbus-broker-credentials-" + instance.id(), null, "earliest"));
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return settings;
    }
}
