package io.thingbus.device.messaging;

import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.device.config.DeviceRequestConfig;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaHeaders;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes downlink records (answers to devices) to {@code thingbus.downlink.v1}: key = the device key, value = the
 * payload, headers = {@link DownlinkRecord#headers()}. The producer is idempotent with {@code acks=all} and sends at
 * once ({@code linger.ms=0}): the consumer waits for a batch's answers before it reads on. Thread-safe.
 */
@ApplicationScoped
public class KafkaDownlinkSender {

    private final KafkaClientSettings kafka;
    private final DeviceRequestConfig config;
    private Producer<String, byte[]> producer;

    public KafkaDownlinkSender(KafkaClientSettings kafka, DeviceRequestConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    @PostConstruct
    void start() {
        Map<String, Object> settings = new HashMap<>(kafka.producer("device-service-downlink",
                config.deliveryTimeout()));
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(settings);
    }

    @PreDestroy
    void stop() {
        producer.close(Duration.ofSeconds(5));
    }

    /**
     * Hands {@code record} to the producer; the future completes when Kafka acknowledged it (or failed to within
     * {@code thingbus.device-requests.delivery-timeout}).
     *
     * @throws org.apache.kafka.common.KafkaException when the producer refuses the record outright
     */
    Future<RecordMetadata> send(DownlinkRecord record) {
        return producer.send(toProducerRecord(record));
    }

    static ProducerRecord<String, byte[]> toProducerRecord(DownlinkRecord record) {
        ProducerRecord<String, byte[]> kafkaRecord =
                new ProducerRecord<>(Topics.DOWNLINK, record.key().asString(), record.payload());
        KafkaHeaders.addAll(kafkaRecord.headers(), record.headers());
        return kafkaRecord;
    }
}
