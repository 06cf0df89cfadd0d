package io.thingbus.broker.messaging;

import io.smallrye.common.annotation.Identifier;
import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.config.KafkaForwardingConfig;
import io.thingbus.broker.domain.TelemetrySink;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Writes telemetry records to {@link Topics#TELEMETRY}: key = the device key ({@code <tenant>/<device>}), value =
 * the payload bytes unchanged, headers = the record's CloudEvents and MQTT headers (UTF-8), timestamp = the time
 * the edge accepted the publish. The producer is idempotent with {@code acks=all}, so a completed send is durable.
 *
 * <p>{@link #send} never blocks: it hands the record to one sender thread, because {@code KafkaProducer.send} itself
 * blocks while Kafka is unreachable (metadata) or its buffer is full. The hand-off queue is bounded
 * ({@code thingbus.broker.kafka.max-pending}); when it is full the send fails at once. One sender thread keeps the
 * order of the calls.
 */
@Singleton
public class KafkaTelemetryPublisher implements TelemetrySink {

    private static final Logger LOG = Logger.getLogger(KafkaTelemetryPublisher.class);
    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<String, byte[]> producer;
    private final ThreadPoolExecutor sender;

    KafkaTelemetryPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            KafkaForwardingConfig config, BrokerInstance instance) {
        this.producer = new KafkaProducer<>(producerSettings(kafkaConfig, config, instance),
                new StringSerializer(), new ByteArraySerializer());
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.maxPending()), KafkaTelemetryPublisher::senderThread);
    }

    @Override
    public CompletionStage<Void> send(TelemetryRecord record) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        ProducerRecord<String, byte[]> kafkaRecord = toKafkaRecord(record);
        try {
            sender.execute(() -> sendNow(kafkaRecord, stored));
        } catch (RejectedExecutionException e) {
            stored.completeExceptionally(new IllegalStateException(
                    "too many publishes wait for Kafka (" + sender.getQueue().size() + ")"));
        }
        return stored;
    }

    /** The Kafka form of a telemetry record; the wire format documented for {@link Topics#TELEMETRY}. */
    static ProducerRecord<String, byte[]> toKafkaRecord(TelemetryRecord record) {
        List<Header> headers = record.headers().stream()
                .map(h -> (Header) new RecordHeader(h.name(), h.value().getBytes(StandardCharsets.UTF_8)))
                .toList();
        return new ProducerRecord<>(Topics.TELEMETRY, null, record.time().toEpochMilli(), record.key().asString(),
                record.payload(), headers);
    }

    private void sendNow(ProducerRecord<String, byte[]> record, CompletableFuture<Void> stored) {
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    stored.complete(null);
                } else {
                    stored.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            stored.completeExceptionally(e);
        }
    }

    @PreDestroy
    void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%d telemetry records were not handed to Kafka before shutdown", sender.getQueue().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(CLOSE_TIMEOUT);
    }

    private static Thread senderThread(Runnable task) {
        Thread thread = new Thread(task, "thingbus-telemetry-sender");
        thread.setDaemon(true);
        return thread;
    }

    static Map<String, Object> producerSettings(Map<String, Object> kafkaConfig, KafkaForwardingConfig config,
            BrokerInstance instance) {
        Duration delivery = config.deliveryTimeout();
        Duration linger = config.linger();
        if (delivery.compareTo(linger.plusSeconds(1)) < 0) {
            throw new IllegalArgumentException("thingbus.broker.kafka.delivery-timeout (" + delivery
                    + ") must be at least thingbus.broker.kafka.linger (" + linger + ") plus one second");
        }
        Duration request = delivery.minus(linger).compareTo(MAX_REQUEST_TIMEOUT) < 0 ? delivery.minus(linger)
                : MAX_REQUEST_TIMEOUT;
        Map<String, Object> settings = KafkaClientSettings.base(kafkaConfig, "thingbus-broker-telemetry-" + instance.id());
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery.toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request.toMillis());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, delivery.toMillis());
        return settings;
    }
}
