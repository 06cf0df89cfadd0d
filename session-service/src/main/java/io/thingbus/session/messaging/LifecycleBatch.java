package io.thingbus.session.messaging;

import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.kafka.KafkaHeaders;
import io.thingbus.session.domain.LifecycleInput;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one poll, decoded: the session and sub-device events in partition order with their positions, and
 * the records that are neither.
 */
final class LifecycleBatch {

    /** A record that is not a valid session event, where it is and why. */
    record MalformedRecord(String position, String reason) {
    }

    private final List<LifecycleInput> events = new ArrayList<>();
    private final List<String> positions = new ArrayList<>();
    private final List<MalformedRecord> malformed = new ArrayList<>();

    private LifecycleBatch() {
    }

    static LifecycleBatch of(ConsumerRecords<byte[], byte[]> records) {
        LifecycleBatch batch = new LifecycleBatch();
        for (TopicPartition partition : records.partitions()) {
            records.records(partition).forEach(record -> batch.add(partition, record));
        }
        return batch;
    }

    /**
     * Decodes one record's value by its {@code ce_type} header: {@value SubdeviceEventRecord#TYPE} is a sub-device
     * event; {@value SessionEventRecord#TYPE}, or no header at all, a session event.
     *
     * @throws MalformedRecordException when the record is neither, or does not follow its type's schema
     */
    static LifecycleInput decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.headers().lastHeader(RecordHeaders.CE_TYPE) == null) {
            return LifecycleInput.of(SessionEventRecord.CODEC.decode(record.value()));
        }
        String name = KafkaHeaders.value(record.headers(), RecordHeaders.CE_TYPE).orElse("");
        return switch (name) {
            case SessionEventRecord.TYPE -> LifecycleInput.of(SessionEventRecord.CODEC.decode(record.value()));
            case SubdeviceEventRecord.TYPE -> LifecycleInput.of(SubdeviceEventRecord.CODEC.decode(record.value()));
            default -> throw new MalformedRecordException("not a " + SessionEventRecord.TYPE + " or "
                    + SubdeviceEventRecord.TYPE + " record: " + name);
        };
    }

    List<LifecycleInput> events() {
        return events;
    }

    /** Where the {@code index}th event was read ({@code topic-partition@offset}), for logs. */
    String positionOf(int index) {
        return positions.get(index);
    }

    List<MalformedRecord> malformed() {
        return malformed;
    }

    private void add(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
        String position = partition + "@" + record.offset();
        try {
            events.add(decode(record));
            positions.add(position);
        } catch (MalformedRecordException e) {
            malformed.add(new MalformedRecord(position, e.getMessage()));
        }
    }
}
