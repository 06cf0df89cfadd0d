package io.thingbus.gateway.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.ApiKeyRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.Topics;
import io.thingbus.gateway.config.ApiKeyFeedConfig;
import io.thingbus.gateway.domain.ApiKeyChange;
import io.thingbus.gateway.domain.ApiKeyDirectory;
import io.thingbus.kafka.KafkaClientSettings;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Keeps the {@link ApiKeyDirectory} equal to the compacted topic {@link Topics#API_KEYS}: reads every partition from
 * the beginning (assigned, no consumer group, nothing committed), builds a snapshot up to the end offsets seen when
 * it started, loads it, then applies every later change as it arrives, for as long as the gateway runs.
 *
 * <p>A malformed record is logged, counted ({@code thingbus_gateway_api_keys_malformed_total}) and skipped. When the
 * consumer fails it is closed and a new one re-reads the topic into a fresh snapshot; meanwhile the keys already
 * loaded stay in use.
 *
 * <p>Threading: runs on its own thread, started at start-up and stopped at shutdown.
 */
@Singleton
public class KafkaApiKeyFeed {

    private static final Logger LOG = Logger.getLogger(KafkaApiKeyFeed.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final String CLIENT_ID = "thingbus-gateway-api-keys";

    private final ApiKeyDirectory directory;
    private final KafkaClientSettings kafkaSettings;
    private final ApiKeyFeedConfig config;
    private final Counter malformed;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;

    public KafkaApiKeyFeed(ApiKeyDirectory directory, KafkaClientSettings kafka, ApiKeyFeedConfig config,
            MeterRegistry registry) {
        this.directory = directory;
        this.kafkaSettings = kafka;
        this.config = config;
        this.malformed = Counter.builder("thingbus.gateway.api.keys.malformed")
                .description("Records of " + Topics.API_KEYS + " skipped because they do not follow the schema")
                .register(registry);
        Gauge.builder("thingbus.gateway.api.keys", directory, ApiKeyDirectory::size)
                .description("API keys the gateway accepts now")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        Thread feed = new Thread(this::run, "api-key-feed");
        feed.setDaemon(true);
        thread = feed;
        feed.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stop.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread feed = thread;
        if (feed != null) {
            feed.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Whether the feed thread runs (or has not been started yet); false only if it died. */
    public boolean alive() {
        Thread feed = thread;
        return feed == null || feed.isAlive() || stopping();
    }

    private void run() {
        while (!stopping()) {
            try (KafkaConsumer<String, byte[]> opened = new KafkaConsumer<>(consumerProperties())) {
                consumer = opened;
                follow(opened);
            } catch (WakeupException e) {
                LOG.debug("API-key feed woken up to stop");
            } catch (RuntimeException e) {
                LOG.errorf(e, "reading %s failed; reconnecting in %s", Topics.API_KEYS, config.retryBackoff());
                pause(config.retryBackoff());
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = awaitPartitions(kafka);
        if (partitions.isEmpty()) {
            return;
        }
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
        Map<SecretHash, ApiKeyRecord> snapshot = new HashMap<>();
        boolean live = false;
        while (!stopping()) {
            Consumer<ApiKeyChange> sink = live ? directory::apply : change -> change.applyTo(snapshot);
            kafka.poll(POLL_TIMEOUT).forEach(record -> apply(record, sink));
            if (!live && reached(kafka, end)) {
                directory.load(snapshot);
                live = true;
                LOG.infof("loaded %d API keys from %s; following changes", snapshot.size(), Topics.API_KEYS);
            }
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        while (!stopping()) {
            List<TopicPartition> partitions = kafka.partitionsFor(Topics.API_KEYS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            LOG.warnf("topic %s does not exist yet; the gateway stays not ready until it does", Topics.API_KEYS);
            pause(config.retryBackoff());
        }
        return List.of();
    }

    private void apply(ConsumerRecord<String, byte[]> record, Consumer<ApiKeyChange> sink) {
        try {
            sink.accept(ApiKeyRecordDecoder.decode(record.key(), record.value()));
        } catch (MalformedRecordException e) {
            malformed.increment();
            LOG.warnf("skipped malformed record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue());
    }

    /** The service's Kafka settings ({@code kafka.*}) for a consumer without a group that reads committed records. */
    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>(kafkaSettings.common());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return properties;
    }

    private boolean stopping() {
        return stop.getCount() == 0;
    }

    private void pause(Duration duration) {
        try {
            stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.countDown();
        }
    }
}
