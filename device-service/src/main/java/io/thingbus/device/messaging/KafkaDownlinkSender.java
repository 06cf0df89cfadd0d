package io.thingbus.device.messaging;

import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.Topics;
import io.thingbus.device.config.DeviceRequestConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes downlink records (answers to devices) to {@code thingbus.downlink.v1}: key = the device key, value = the
 * payload, headers = {@link DownlinkRecord#headers()}. The producer is idempotent with {@code acks=all}. Thread-safe.
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
        producer = new KafkaProducer<>(kafka.producer("device-service-downlink", config.deliveryTimeout()));
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
        for (Header header : record.headers()) {
            KafkaHeaders.add(kafkaRecord.headers(), header.name(), header.value());
        }
        return kafkaRecord;
    }
}
