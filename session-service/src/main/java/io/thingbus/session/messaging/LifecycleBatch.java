package io.thingbus.session.messaging;

import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.SessionEventRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * The records of one poll, decoded: the session events in partition order with their positions, the records that are
 * not session events, and per partition the first offset (to rewind to) and the offset to commit once applied.
 */
final class LifecycleBatch {

    /** A record that is not a valid session event, where it is and why. */
    record MalformedRecord(String position, String reason) {
    }

    private final List<SessionEventRecord> events = new ArrayList<>();
    private final List<String> positions = new ArrayList<>();
    private final List<MalformedRecord> malformed = new ArrayList<>();
    private final Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> nextOffsets = new HashMap<>();
    private int size;

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
     * Decodes one record's value; a {@code ce_type} header, when present, must name session events.
     *
     * @throws MalformedRecordException when the record is not a session event
     */
    static SessionEventRecord decode(ConsumerRecord<byte[], byte[]> record) {
        Header type = record.headers().lastHeader(RecordHeaders.CE_TYPE);
        if (type != null && (type.value() == null
                || !SessionEventRecord.TYPE.equals(new String(type.value(), StandardCharsets.UTF_8)))) {
            throw new MalformedRecordException("not a " + SessionEventRecord.TYPE + " record");
        }
        return SessionEventRecord.CODEC.decode(record.value());
    }

    List<SessionEventRecord> events() {
        return events;
    }

    /** Where the {@code index}th event was read ({@code topic-partition@offset}), for logs. */
    String positionOf(int index) {
        return positions.get(index);
    }

    List<MalformedRecord> malformed() {
        return malformed;
    }

    Map<TopicPartition, Long> firstOffsets() {
        return firstOffsets;
    }

    Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
        return nextOffsets;
    }

    int size() {
        return size;
    }

    private void add(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
        size++;
        firstOffsets.putIfAbsent(partition, record.offset());
        nextOffsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
        String position = partition + "@" + record.offset();
        try {
            events.add(decode(record));
            positions.add(position);
        } catch (MalformedRecordException e) {
            malformed.add(new MalformedRecord(position, e.getMessage()));
        }
    }
}
