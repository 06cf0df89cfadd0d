package io.thingbus.device.messaging;

import io.thingbus.contracts.RecordHeaders;
import io.thingbus.device.domain.OutboxMessage;
import io.thingbus.device.domain.OutboxPublisher;
import io.thingbus.kafka.KafkaHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * Sends outbox messages as Kafka records with CloudEvents binary-mode headers. The producer is idempotent with
 * {@code acks=all}, so records of one key arrive in the order they are sent. Used by one relay thread at a time.
 */
final class KafkaOutboxPublisher implements OutboxPublisher {

    static final String SOURCE = "//thingbus/device-service";
    static final String JSON = "application/json";

    private static final Logger LOG = Logger.getLogger(KafkaOutboxPublisher.class);

    private final Producer<String, byte[]> producer;

    KafkaOutboxPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public int publish(List<OutboxMessage> messages) {
        List<Future<RecordMetadata>> acknowledgements = sendInOrder(messages);
        producer.flush();
        return acknowledgedPrefix(acknowledgements);
    }

    /** Stops at the first record the producer refuses outright, so nothing overtakes it. */
    private List<Future<RecordMetadata>> sendInOrder(List<OutboxMessage> messages) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(messages.size());
        for (OutboxMessage message : messages) {
            try {
                acknowledgements.add(producer.send(toRecord(message)));
            } catch (KafkaException e) {
                LOG.warnf("Kafka refused outbox record %s: %s", message.id(), e.getMessage());
                break;
            }
        }
        return acknowledgements;
    }

    private static int acknowledgedPrefix(List<Future<RecordMetadata>> acknowledgements) {
        int acknowledged = 0;
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            try {
                acknowledgement.get();
                acknowledged++;
            } catch (ExecutionException e) {
                LOG.warnf("Kafka did not acknowledge an outbox record: %s", e.getCause().getMessage());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
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
