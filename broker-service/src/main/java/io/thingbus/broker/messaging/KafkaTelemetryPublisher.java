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
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes telemetry records to {@link Topics#TELEMETRY}: key = the device key ({@code <tenant>/<device>}), value =
 * the payload bytes unchanged, headers = the record's CloudEvents and MQTT headers (UTF-8), timestamp = the time
 * the edge accepted the publish. The producer is idempotent with {@code acks=all}, so a completed send is durable.
 *
 * <p>{@link #send} never blocks: it hands the record to a {@link SerialKafkaSender}, whose queue is bounded by
 * {@code thingbus.broker.kafka.max-pending}; when it is full the send fails at once. One sender thread keeps the
 * order of the calls.
 */
@Singleton
public class KafkaTelemetryPublisher implements TelemetrySink {

    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final SerialKafkaSender sender;

    KafkaTelemetryPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            KafkaForwardingConfig config, BrokerInstance instance) {
        this.sender = new SerialKafkaSender(new KafkaProducer<>(producerSettings(kafkaConfig, config, instance),
                new StringSerializer(), new ByteArraySerializer()), config.maxPending(), "telemetry");
    }

    @Override
    public CompletionStage<Void> send(TelemetryRecord record) {
        return sender.send(toKafkaRecord(record));
    }

    /** The Kafka form of a telemetry record; the wire format documented for {@link Topics#TELEMETRY}. */
    static ProducerRecord<String, byte[]> toKafkaRecord(TelemetryRecord record) {
        List<Header> headers = record.headers().stream()
                .map(h -> (Header) new RecordHeader(h.name(), h.value().getBytes(StandardCharsets.UTF_8)))
                .toList();
        return new ProducerRecord<>(Topics.TELEMETRY, null, record.time().toEpochMilli(), record.key().asString(),
                record.payload(), headers);
    }

    @PreDestroy
    void close() {
        sender.close();
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
