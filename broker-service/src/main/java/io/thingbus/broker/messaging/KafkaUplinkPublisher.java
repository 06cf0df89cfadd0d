package io.thingbus.broker.messaging;

import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.config.KafkaForwardingConfig;
import io.thingbus.broker.domain.TelemetrySink;
import io.thingbus.broker.domain.Uplink;
import io.thingbus.broker.domain.UplinkSink;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.kafka.KafkaClientSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes what device publishes become to Kafka ({@link UplinkRecords}: telemetry, and the control records of gateway
 * publishes), with one idempotent producer ({@code acks=all}), so a completed send is durable. A control record gets a
 * fresh {@code ce_id} and this instance as {@code ce_source}.
 *
 * <p>Neither {@code send} blocks: records go to a {@link SerialKafkaSender}, whose queue is bounded by
 * {@code thingbus.broker.kafka.max-pending}; when it is full the send fails at once. One sender thread keeps the
 * order in which the calls were made, whichever threads made them.
 */
@Singleton
public class KafkaUplinkPublisher implements TelemetrySink, UplinkSink {

    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final SerialKafkaSender sender;
    private final String source;

    KafkaUplinkPublisher(KafkaClientSettings kafka, KafkaForwardingConfig config, BrokerInstance instance) {
        this.sender = new SerialKafkaSender(new KafkaProducer<>(producerSettings(kafka, config, instance),
                new StringSerializer(), new ByteArraySerializer()), config.maxPending(), "uplink");
        this.source = instance.source();
    }

    @Override
    public CompletionStage<Void> send(TelemetryRecord record) {
        return sender.send(UplinkRecords.of(record));
    }

    @Override
    public CompletionStage<Void> sendAll(List<Uplink> records) {
        List<ProducerRecord<String, byte[]>> kafkaRecords;
        try {
            kafkaRecords = records.stream().map(r -> UplinkRecords.of(r, UUID.randomUUID().toString(), source)).toList();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sender.sendAll(kafkaRecords);
    }

    @PreDestroy
    void close() {
        sender.close();
    }

    /**
     * The shared idempotent {@code acks=all} producer ({@link KafkaClientSettings#producer}) with this service's
     * linger and a request timeout that leaves room for it, without the consumer group Quarkus adds to {@code kafka.*}.
     *
     * @throws IllegalArgumentException when the delivery timeout is shorter than the linger plus one second
     */
    static Map<String, Object> producerSettings(KafkaClientSettings kafka, KafkaForwardingConfig config,
            BrokerInstance instance) {
        Duration delivery = config.deliveryTimeout();
        Duration linger = config.linger();
        if (delivery.compareTo(linger.plusSeconds(1)) < 0) {
            throw new IllegalArgumentException("thingbus.broker.kafka.delivery-timeout (" + delivery
                    + ") must be at least thingbus.broker.kafka.linger (" + linger + ") plus one second");
        }
        Duration request = delivery.minus(linger).compareTo(MAX_REQUEST_TIMEOUT) < 0 ? delivery.minus(linger)
                : MAX_REQUEST_TIMEOUT;
        Map<String, Object> settings = new HashMap<>(
                kafka.producer("thingbus-broker-telemetry-" + instance.id(), delivery));
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request.toMillis());
        return settings;
    }
}
