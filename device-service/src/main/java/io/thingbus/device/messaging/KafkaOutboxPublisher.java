package io.thingbus.device.messaging;

import io.thingbus.contracts.RecordHeaders;
import io.thingbus.device.domain.OutboxMessage;
import io.thingbus.device.domain.OutboxPublisher;
import io.thingbus.kafka.InOrderSender;
import io.thingbus.kafka.KafkaHeaders;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Sends outbox messages as Kafka records with CloudEvents binary-mode headers, in order, through an
 * {@link InOrderSender}. The producer is idempotent with {@code acks=all}, so records of one key arrive in the order
 * they are sent. Used by one relay thread at a time.
 */
final class KafkaOutboxPublisher implements OutboxPublisher {

    static final String SOURCE = "//thingbus/device-service";
    static final String JSON = "application/json";

    private final InOrderSender<String, byte[]> sender;

    KafkaOutboxPublisher(Producer<String, byte[]> producer) {
        this.sender = new InOrderSender<>(producer, "outbox record");
    }

    @Override
    public int publish(List<OutboxMessage> messages) {
        return sender.send(messages.stream().map(KafkaOutboxPublisher::toRecord).toList());
    }

    static ProducerRecord<String, byte[]> toRecord(OutboxMessage message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.key(), message.value());
        Headers headers = record.headers();
        KafkaHeaders.add(headers, RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION);
        KafkaHeaders.add(headers, RecordHeaders.CE_ID, message.id().toString());
        KafkaHeaders.add(headers, RecordHeaders.CE_TYPE, message.type());
        KafkaHeaders.add(headers, RecordHeaders.CE_SOURCE, SOURCE);
        KafkaHeaders.add(headers, RecordHeaders.CE_TIME, message.time().toString());
        message.device().ifPresent(device -> KafkaHeaders.add(headers, RecordHeaders.CE_SUBJECT, device));
        if (!message.isTombstone()) {
            KafkaHeaders.add(headers, RecordHeaders.CONTENT_TYPE, JSON);
        }
        KafkaHeaders.add(headers, RecordHeaders.TENANT, message.tenant().value());
        message.device().ifPresent(device -> KafkaHeaders.add(headers, RecordHeaders.DEVICE, device));
        return record;
    }
}
