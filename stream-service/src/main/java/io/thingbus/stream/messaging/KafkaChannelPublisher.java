package io.thingbus.stream.messaging;

import io.thingbus.contracts.ChannelRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.Topics;
import io.thingbus.stream.domain.OutboxMessage;
import io.thingbus.stream.domain.OutboxPublisher;
import java.nio.charset.StandardCharsets;
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
 * Sends outbox messages as records of {@link Topics#CHANNELS} with CloudEvents binary-mode headers. The producer is
 * idempotent with {@code acks=all}, so records of one key arrive in the order they are sent. Used by one relay thread
 * at a time.
 */
final class KafkaChannelPublisher implements OutboxPublisher {

    static final String SOURCE = "//thingbus/stream-service";
    static final String JSON = "application/json";

    private static final Logger LOG = Logger.getLogger(KafkaChannelPublisher.class);

    private final Producer<String, byte[]> producer;

    KafkaChannelPublisher(Producer<String, byte[]> producer) {
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
                LOG.warnf("Kafka refused channel record %s: %s", message.id(), e.getMessage());
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
                LOG.warnf("Kafka did not acknowledge a channel record: %s", e.getCause().getMessage());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
    }

    static ProducerRecord<String, byte[]> toRecord(OutboxMessage message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CHANNELS, message.key(), message.value());
        Headers headers = record.headers();
        add(headers, RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION);
        add(headers, RecordHeaders.CE_ID, message.id().toString());
        add(headers, RecordHeaders.CE_TYPE, ChannelRecord.TYPE);
        add(headers, RecordHeaders.CE_SOURCE, SOURCE);
        add(headers, RecordHeaders.CE_TIME, message.time().toString());
        if (!message.isTombstone()) {
            add(headers, RecordHeaders.CONTENT_TYPE, JSON);
        }
        add(headers, RecordHeaders.TENANT, message.tenant().value());
        return record;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
