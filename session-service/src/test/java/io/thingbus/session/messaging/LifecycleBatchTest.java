package io.thingbus.session.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.session.domain.LifecycleInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LifecycleBatchTest {

    private static final TopicPartition PARTITION = new TopicPartition("thingbus.lifecycle.v1", 2);
    private static final SessionEventRecord CONNECTED = new SessionEventRecord("connected", TenantId.of("U1"), "c",
            "conn", "broker-0", null, "tcp", "5", List.of(), null, Instant.parse("2026-11-21T10:00:00Z"));
    private static final SubdeviceEventRecord SUBDEVICE_CONNECTED = new SubdeviceEventRecord("connected",
            TenantId.of("U1"), DeviceId.of("Device A"), "thermometer", DeviceId.of("c"), "c", "conn", "broker-0", null,
            Instant.parse("2026-11-21T10:00:01Z"));

    /** That the loop then commits past the malformed records is {@link LifecycleBatchHandlerTest}'s. */
    @Test
    void batch_keepsEventsInOrder_andSetsAsideMalformedRecordsWithTheirPositions() {
        ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(PARTITION, List.of(
                record(7, SessionEventRecord.CODEC.encode(CONNECTED)),
                record(8, "not json".getBytes(StandardCharsets.UTF_8)),
                record(9, null))), Map.of());

        LifecycleBatch batch = LifecycleBatch.of(records);

        assertThat(batch.events()).containsExactly(LifecycleInput.of(CONNECTED));
        assertThat(batch.positionOf(0)).isEqualTo("thingbus.lifecycle.v1-2@7");
        assertThat(batch.malformed()).extracting(LifecycleBatch.MalformedRecord::position)
                .containsExactly("thingbus.lifecycle.v1-2@8", "thingbus.lifecycle.v1-2@9");
    }

    @Test
    void recordOfAnotherType_isMalformed() {
        ConsumerRecord<byte[], byte[]> record = record(1, SessionEventRecord.CODEC.encode(CONNECTED));
        record.headers().add(RecordHeaders.CE_TYPE, "io.thingbus.device.v1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> LifecycleBatch.decode(record)).isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void recordWithTheSessionEventType_isDecoded() {
        ConsumerRecord<byte[], byte[]> record = record(1, SessionEventRecord.CODEC.encode(CONNECTED));
        record.headers().add(RecordHeaders.CE_TYPE, SessionEventRecord.TYPE.getBytes(StandardCharsets.UTF_8));

        assertThat(LifecycleBatch.decode(record)).isEqualTo(LifecycleInput.of(CONNECTED));
    }

    @Test
    void recordWithTheSubdeviceEventType_isDecodedAsASubdeviceEvent() {
        ConsumerRecord<byte[], byte[]> record = record(1, SubdeviceEventRecord.CODEC.encode(SUBDEVICE_CONNECTED));
        record.headers().add(RecordHeaders.CE_TYPE, SubdeviceEventRecord.TYPE.getBytes(StandardCharsets.UTF_8));

        assertThat(LifecycleBatch.decode(record)).isEqualTo(LifecycleInput.of(SUBDEVICE_CONNECTED));
    }

    @Test
    void subdeviceEventWithoutItsGateway_isMalformed() {
        String json = "{\"event\":\"connected\",\"tenant\":\"U1\",\"device_id\":\"Device A\",\"client_id\":\"c\","
                + "\"connection_id\":\"conn\",\"broker\":\"broker-0\",\"at\":\"2026-11-21T10:00:00Z\"}";
        ConsumerRecord<byte[], byte[]> record = record(1, json.getBytes(StandardCharsets.UTF_8));
        record.headers().add(RecordHeaders.CE_TYPE, SubdeviceEventRecord.TYPE.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> LifecycleBatch.decode(record)).isInstanceOf(MalformedRecordException.class);
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset,
                "U1/c".getBytes(StandardCharsets.UTF_8), value);
    }
}
