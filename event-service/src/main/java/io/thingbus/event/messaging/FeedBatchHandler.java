package io.thingbus.event.messaging;

import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.kafka.KafkaConsumerLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Materialises a batch of a compacted topic (the device registry, the channels): decodes each record into a change
 * and applies the batch's changes in their order, in one transaction. Records that break the contract are logged,
 * counted and skipped. Runs on its consumer's thread.
 *
 * @param <C> the change a record stands for
 */
final class FeedBatchHandler<C> implements KafkaConsumerLoop.BatchHandler {

    private static final Logger LOG = Logger.getLogger(FeedBatchHandler.class);

    /** Reads one record as a change. Pure. */
    @FunctionalInterface
    interface Decoder<C> {

        /**
         * @param value null for a tombstone
         * @throws MalformedRecordException when the key or value does not follow the topic's contract
         */
        C decode(byte[] key, byte[] value);
    }

    /** Counts the changes a batch applied. */
    @FunctionalInterface
    interface AppliedCounter {

        void applied(int count);
    }

    private final String topic;
    private final Decoder<C> decoder;
    private final Consumer<List<C>> store;
    private final AppliedCounter counter;
    private final EventMetrics metrics;

    /** @param store applies the changes durably, all or nothing, or throws (the batch is then retried) */
    FeedBatchHandler(String topic, Decoder<C> decoder, Consumer<List<C>> store, AppliedCounter counter,
            EventMetrics metrics) {
        this.topic = topic;
        this.decoder = decoder;
        this.store = store;
        this.counter = counter;
        this.metrics = metrics;
    }

    @Override
    public void handle(ConsumerRecords<byte[], byte[]> records) {
        List<C> changes = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                changes.add(decoder.decode(record.key(), record.value()));
            } catch (MalformedRecordException e) {
                metrics.malformed(topic);
                LOG.warnf("skipped malformed record at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        store.accept(changes);
        counter.applied(changes.size());
    }
}
