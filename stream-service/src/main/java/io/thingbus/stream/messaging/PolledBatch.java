package io.thingbus.stream.messaging;

import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.kafka.KafkaHeaders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The records of one poll, decoded: the telemetry records in partition order, and the malformed ones with their
 * positions ({@code topic-partition@offset}, for logs).
 */
final class PolledBatch {

    /** A record that is not a valid telemetry record, where it is and why. */
    record MalformedRecord(String position, String reason) {
    }

    private final List<TelemetryRecord> telemetry = new ArrayList<>();
    private final List<MalformedRecord> malformed = new ArrayList<>();
    private final Map<String, String> positionsById = new HashMap<>();
    private int size;

    private PolledBatch() {
    }

    static PolledBatch of(ConsumerRecords<byte[], byte[]> records) {
        PolledBatch batch = new PolledBatch();
        records.forEach(batch::add);
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

    int size() {
        return size;
    }

    private void add(ConsumerRecord<byte[], byte[]> record) {
        size++;
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            TelemetryRecord decoded = TelemetryRecord.fromHeaders(KafkaHeaders.toContract(record.headers()),
                    record.value());
            telemetry.add(decoded);
            positionsById.putIfAbsent(decoded.id(), position);
        } catch (MalformedRecordException e) {
            malformed.add(new MalformedRecord(position, e.getMessage()));
        }
    }
}
