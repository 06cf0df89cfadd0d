package io.thingbus.device.messaging;

import io.micrometer.core.instrument.Counter;
import io.thingbus.contracts.MalformedRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * How a consumer of this service meets records that do not follow their schema: each one is logged at WARN (topic,
 * partition, offset and why), counted, and skipped, so it never stops its partition. Thread-safe.
 */
final class MalformedRecords {

    private final Logger log;
    private final String kind;
    private final Counter counter;

    /**
     * @param log the consumer's logger
     * @param kind what the records are, for the log: {@code telemetry}, {@code lifecycle}, …
     * @param counter counts the records skipped
     */
    MalformedRecords(Logger log, String kind, Counter counter) {
        this.log = log;
        this.kind = kind;
        this.counter = counter;
    }

    /**
     * Hands each record to {@code handle}, in order; a record for which it throws {@link MalformedRecordException} is
     * skipped. Any other exception ends the batch and reaches the caller.
     */
    void forEach(ConsumerRecords<byte[], byte[]> records, Consumer<ConsumerRecord<byte[], byte[]>> handle) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                handle.accept(record);
            } catch (MalformedRecordException e) {
                skip(record, e);
            }
        }
    }

    /**
     * What {@code read} makes of each record, in record order; a record it finds malformed is skipped, one it reads as
     * empty (a type this consumer ignores) is left out.
     */
    <T> List<T> readAll(ConsumerRecords<byte[], byte[]> records,
                        Function<ConsumerRecord<byte[], byte[]>, Optional<T>> read) {
        List<T> result = new ArrayList<>(records.count());
        forEach(records, record -> read.apply(record).ifPresent(result::add));
        return result;
    }

    private void skip(ConsumerRecord<byte[], byte[]> record, MalformedRecordException e) {
        counter.increment();
        log.warnf("skipping malformed %s record %s-%d@%d: %s", kind, record.topic(), record.partition(),
                record.offset(), e.getMessage());
    }
}
