package io.thingbus.kafka;

import io.thingbus.contracts.RecordHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Sends a batch of records in order with one producer and waits for Kafka's acknowledgements, for an outbox relay
 * that removes what Kafka acknowledged: it tells how many records, counted from the first, were acknowledged. It stops
 * at the first record the producer refuses and counts nothing after the first record Kafka did not acknowledge, so
 * nothing overtakes a record that stays in the outbox (records after it may have reached Kafka: delivery is at least
 * once). With an idempotent producer ({@code acks=all}, {@link KafkaClientSettings#producer}) the records of one key
 * arrive in the order they are sent.
 *
 * <p>Used by one thread at a time. Never throws for a Kafka failure; an interrupt ends the wait and is kept.
 *
 * @param <K> the record key
 * @param <V> the record value
 */
public final class InOrderSender<K, V> {

    private static final Logger LOG = Logger.getLogger(InOrderSender.class);

    private final Producer<K, V> producer;
    private final String kind;

    /** @param kind what the records are, for logs ({@code "channel record"}) */
    public InOrderSender(Producer<K, V> producer, String kind) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** @return how many of {@code records}, from the first, Kafka acknowledged */
    public int send(List<ProducerRecord<K, V>> records) {
        List<Future<RecordMetadata>> acknowledgements = sendUntilRefused(records);
        producer.flush();
        return acknowledgedPrefix(records, acknowledgements);
    }

    private List<Future<RecordMetadata>> sendUntilRefused(List<ProducerRecord<K, V>> records) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(records.size());
        for (ProducerRecord<K, V> record : records) {
            try {
                acknowledgements.add(producer.send(record));
            } catch (KafkaException e) {
                LOG.warnf("Kafka refused %s %s: %s", kind, idOf(record), e.getMessage());
                break;
            }
        }
        return acknowledgements;
    }

    private int acknowledgedPrefix(List<ProducerRecord<K, V>> records, List<Future<RecordMetadata>> acknowledgements) {
        int acknowledged = 0;
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            try {
                acknowledgement.get();
                acknowledged++;
            } catch (ExecutionException e) {
                LOG.warnf("Kafka did not acknowledge %s %s: %s", kind, idOf(records.get(acknowledged)),
                        e.getCause().getMessage());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
    }

    /** The record's CloudEvents id, or its key when it has none. */
    private static String idOf(ProducerRecord<?, ?> record) {
        return KafkaHeaders.value(record.headers(), RecordHeaders.CE_ID).orElse(String.valueOf(record.key()));
    }
}
