package io.thingbus.stream.messaging;

import io.thingbus.contracts.Header;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.TelemetryRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one poll, decoded: the telemetry records in partition order, the malformed ones with their
 * positions, and per partition the first offset (to rewind to) and the offset to commit once stored.
 */
final class PolledBatch {

    /** A record that is not a valid telemetry record, where it is and why. */
    record MalformedRecord(String position, String reason) {
    }

    private final List<TelemetryRecord> telemetry = new ArrayList<>();
    private final List<MalformedRecord> malformed = new ArrayList<>();
    private final Map<String, String> positionsById = new HashMap<>();
    private final Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> nextOffsets = new HashMap<>();
    private int size;

    private PolledBatch() {
    }

    static PolledBatch of(ConsumerRecords<byte[], byte[]> records) {
        PolledBatch batch = new PolledBatch();
        for (TopicPartition partition : records.partitions()) {
            records.records(partition).forEach(record -> batch.add(partition, record));
        }
        return batch;
    }

    List<TelemetryRecord> telemetry() {
        return telemetry;
    }

    List<MalformedRecord> malformed() {
        return malformed;
    }

    /** Where the record with that id was read ({@code topic-partition@offset}), for logs. */
    String positionOf(String recordId) {
        return positionsById.getOrDefault(recordId, "?");
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
            TelemetryRecord decoded = TelemetryRecord.fromHeaders(headersOf(record), record.value());
            telemetry.add(decoded);
            positionsById.putIfAbsent(decoded.id(), position);
        } catch (MalformedRecordException e) {
            malformed.add(new MalformedRecord(position, e.getMessage()));
        }
    }

    private static List<Header> headersOf(ConsumerRecord<byte[], byte[]> record) {
        List<Header> headers = new ArrayList<>();
        for (org.apache.kafka.common.header.Header header : record.headers()) {
            byte[] value = header.value();
            headers.add(new Header(header.key(), value == null ? "" : new String(value, StandardCharsets.UTF_8)));
        }
        return headers;
    }
}
