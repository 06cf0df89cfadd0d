package io.thingbus.command.messaging;

import io.thingbus.command.domain.StateInput;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one poll from the devices, lifecycle and device-requests topics, decoded: the inputs in partition
 * order with their positions, the records that do not follow their schema, and how many device requests of other
 * types were skipped.
 */
final class StateBatch {

    /** A record that does not follow its topic's schema, where it is and why. */
    record MalformedRecord(String position, String reason) {
    }

    private final List<StateInput> inputs = new ArrayList<>();
    private final List<String> positions = new ArrayList<>();
    private final List<MalformedRecord> malformed = new ArrayList<>();
    private int ignored;

    private StateBatch() {
    }

    static StateBatch of(ConsumerRecords<byte[], byte[]> records) {
        StateBatch batch = new StateBatch();
        for (TopicPartition partition : records.partitions()) {
            records.records(partition).forEach(record -> batch.add(partition, record));
        }
        return batch;
    }

    /**
     * Decodes one record by its topic and {@code ce_type} header. A devices record is keyed
     * {@code <tenant>/<device>}; a null value is a tombstone; a {@code ce_type}, when present, must name device
     * records. A lifecycle record is a sub-device event when its {@code ce_type} says so, otherwise a session event
     * (a {@code ce_type}, when present, must then name session events). A device request must carry a
     * {@code ce_type}; only RPC responses are this service's, other types decode to empty.
     *
     * @return the input, or empty for a device request of another type
     * @throws MalformedRecordException when the record does not follow its topic's schema
     */
    static Optional<StateInput> decode(ConsumerRecord<byte[], byte[]> record) {
        if (Topics.DEVICES.equals(record.topic())) {
            return Optional.of(deviceChange(record));
        }
        if (Topics.LIFECYCLE.equals(record.topic())) {
            return Optional.of(lifecycleInput(record));
        }
        if (Topics.DEVICE_REQUESTS.equals(record.topic())) {
            return deviceRequest(record);
        }
        throw new MalformedRecordException("unexpected topic " + record.topic());
    }

    List<StateInput> inputs() {
        return inputs;
    }

    /** Where the {@code index}th input was read ({@code topic-partition@offset}), for logs. */
    String positionOf(int index) {
        return positions.get(index);
    }

    List<MalformedRecord> malformed() {
        return malformed;
    }

    /** Device requests of other types than RPC responses, skipped. */
    int ignored() {
        return ignored;
    }

    private static StateInput lifecycleInput(ConsumerRecord<byte[], byte[]> record) {
        if (KafkaHeaders.value(record.headers(), RecordHeaders.CE_TYPE).filter(SubdeviceEventRecord.TYPE::equals)
                .isPresent()) {
            return new StateInput.SubdeviceEvent(SubdeviceEventRecord.CODEC.decode(record.value()));
        }
        requireType(record, SessionEventRecord.TYPE);
        return new StateInput.SessionEvent(SessionEventRecord.CODEC.decode(record.value()));
    }

    private static Optional<StateInput> deviceRequest(ConsumerRecord<byte[], byte[]> record) {
        if (!RpcResponseRecord.TYPE.equals(KafkaHeaders.type(record.headers()))) {
            return Optional.empty();
        }
        return Optional.of(new StateInput.RpcAnswer(RpcResponseRecord.CODEC.decode(record.value())));
    }

    private static StateInput.DeviceChange deviceChange(ConsumerRecord<byte[], byte[]> record) {
        DeviceKey key = deviceKey(record.key());
        if (record.value() == null) {
            return new StateInput.DeviceChange(key, Optional.empty());
        }
        requireType(record, DeviceRecord.TYPE);
        return new StateInput.DeviceChange(key, Optional.of(DeviceRecord.CODEC.decode(record.value())));
    }

    private static DeviceKey deviceKey(byte[] key) {
        if (key == null) {
            throw new MalformedRecordException("device record without a key");
        }
        try {
            return DeviceKey.parse(new String(key, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("device record key is not <tenant>/<device>: " + e.getMessage(), e);
        }
    }

    /** A {@code ce_type} header, when there is one (even without a value), must name {@code type}. */
    private static void requireType(ConsumerRecord<byte[], byte[]> record, String type) {
        if (record.headers().lastHeader(RecordHeaders.CE_TYPE) != null
                && !KafkaHeaders.value(record.headers(), RecordHeaders.CE_TYPE).equals(Optional.of(type))) {
            throw new MalformedRecordException("not a " + type + " record");
        }
    }

    private void add(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
        String position = partition + "@" + record.offset();
        try {
            Optional<StateInput> input = decode(record);
            if (input.isEmpty()) {
                ignored++;
                return;
            }
            inputs.add(input.get());
            positions.add(position);
        } catch (MalformedRecordException e) {
            malformed.add(new MalformedRecord(position, e.getMessage()));
        }
    }
}
