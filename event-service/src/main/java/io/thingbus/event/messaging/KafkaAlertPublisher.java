package io.thingbus.event.messaging;

import io.thingbus.contracts.AlertRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.Topics;
import io.thingbus.event.domain.AlertPublisher;
import io.thingbus.event.domain.OutboxEntry;
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
 * Sends alert records to {@link Topics#ALERTS} with CloudEvents binary-mode headers. The producer is idempotent with
 * {@code acks=all}, so records of one key arrive in the order they are sent. Used by one relay thread at a time.
 */
final class KafkaAlertPublisher implements AlertPublisher {

    static final String SOURCE = "//thingbus/event-service";
    static final String JSON = "application/json";

    private static final Logger LOG = Logger.getLogger(KafkaAlertPublisher.class);

    private final Producer<String, byte[]> producer;

    KafkaAlertPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public int publish(List<OutboxEntry> entries) {
        List<Future<RecordMetadata>> acknowledgements = sendInOrder(entries);
        producer.flush();
        return acknowledgedPrefix(acknowledgements);
    }

    /** Stops at the first record the producer refuses outright, so nothing overtakes it. */
    private List<Future<RecordMetadata>> sendInOrder(List<OutboxEntry> entries) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(entries.size());
        for (OutboxEntry entry : entries) {
            try {
                acknowledgements.add(producer.send(toRecord(entry)));
            } catch (KafkaException e) {
                LOG.warnf("Kafka refused alert record %s: %s", entry.recordId(), e.getMessage());
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
                LOG.warnf("Kafka did not acknowledge an alert record: %s", e.getCause().getMessage());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
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
