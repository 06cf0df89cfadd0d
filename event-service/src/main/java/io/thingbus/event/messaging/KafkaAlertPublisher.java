package io.thingbus.event.messaging;

import io.thingbus.contracts.AlertRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.Topics;
import io.thingbus.event.domain.AlertPublisher;
import io.thingbus.event.domain.OutboxEntry;
import io.thingbus.kafka.InOrderSender;
import io.thingbus.kafka.KafkaHeaders;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Sends alert records to {@link Topics#ALERTS} with CloudEvents binary-mode headers, in order, through an
 * {@link InOrderSender}. The producer is idempotent with {@code acks=all}, so records of one key arrive in the order
 * they are sent. Used by one relay thread at a time.
 */
final class KafkaAlertPublisher implements AlertPublisher {

    static final String SOURCE = "//thingbus/event-service";
    static final String JSON = "application/json";

    private final InOrderSender<String, byte[]> sender;

    KafkaAlertPublisher(Producer<String, byte[]> producer) {
        this.sender = new InOrderSender<>(producer, "alert record");
    }

    @Override
    public int publish(List<OutboxEntry> entries) {
        return sender.send(entries.stream().map(KafkaAlertPublisher::toRecord).toList());
    }

    static ProducerRecord<String, byte[]> toRecord(OutboxEntry entry) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ALERTS, entry.key(), entry.value());
        Headers headers = record.headers();
        KafkaHeaders.add(headers, RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION);
        KafkaHeaders.add(headers, RecordHeaders.CE_ID, entry.recordId().toString());
        KafkaHeaders.add(headers, RecordHeaders.CE_TYPE, AlertRecord.TYPE);
        KafkaHeaders.add(headers, RecordHeaders.CE_SOURCE, SOURCE);
        KafkaHeaders.add(headers, RecordHeaders.CE_TIME, entry.time().toString());
        KafkaHeaders.add(headers, RecordHeaders.CE_SUBJECT, entry.device().value());
        KafkaHeaders.add(headers, RecordHeaders.CONTENT_TYPE, JSON);
        KafkaHeaders.add(headers, RecordHeaders.TENANT, entry.tenant().value());
        KafkaHeaders.add(headers, RecordHeaders.DEVICE, entry.device().value());
        return record;
    }
}
