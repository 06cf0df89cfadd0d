package io.thingbus.stream.messaging;

import io.thingbus.contracts.ChannelRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.InOrderSender;
import io.thingbus.kafka.KafkaHeaders;
import io.thingbus.stream.domain.OutboxMessage;
import io.thingbus.stream.domain.OutboxPublisher;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Sends outbox messages as records of {@link Topics#CHANNELS} with CloudEvents binary-mode headers, in order, through
 * an {@link InOrderSender}. The producer is idempotent with {@code acks=all}, so records of one key arrive in the order
 * they are sent. Used by one relay thread at a time.
 */
final class KafkaChannelPublisher implements OutboxPublisher {

    static final String SOURCE = "//thingbus/stream-service";
    static final String JSON = "application/json";

    private final InOrderSender<String, byte[]> sender;

    KafkaChannelPublisher(Producer<String, byte[]> producer) {
        this.sender = new InOrderSender<>(producer, "channel record");
    }

    @Override
    public int publish(List<OutboxMessage> messages) {
        return sender.send(messages.stream().map(KafkaChannelPublisher::toRecord).toList());
    }

    static ProducerRecord<String, byte[]> toRecord(OutboxMessage message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CHANNELS, message.key(), message.value());
        Headers headers = record.headers();
        KafkaHeaders.add(headers, RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION);
        KafkaHeaders.add(headers, RecordHeaders.CE_ID, message.id().toString());
        KafkaHeaders.add(headers, RecordHeaders.CE_TYPE, ChannelRecord.TYPE);
        KafkaHeaders.add(headers, RecordHeaders.CE_SOURCE, SOURCE);
        KafkaHeaders.add(headers, RecordHeaders.CE_TIME, message.time().toString());
        if (!message.isTombstone()) {
            KafkaHeaders.add(headers, RecordHeaders.CONTENT_TYPE, JSON);
        }
        KafkaHeaders.add(headers, RecordHeaders.TENANT, message.tenant().value());
        return record;
    }
}
