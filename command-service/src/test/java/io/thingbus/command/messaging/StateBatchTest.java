package io.thingbus.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.command.domain.StateInput;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StateBatchTest {

    private static final DeviceKey KEY = DeviceKey.of(TenantId.of("U1"), DeviceId.of("dev-1"));
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final DeviceRecord DEVICE = new DeviceRecord(KEY.tenant(), KEY.device(), "dev-1",
            ChannelId.defaultFor(KEY.tenant(), KEY.device()), "api", AT, AT);
    private static final SessionEventRecord CONNECTED = new SessionEventRecord("connected", KEY.tenant(), "c", "x",
            "broker-0", null, "tcp", "5", List.of(), null, AT);

    @Test
    void deviceRecord_andTombstone_becomeDeviceChanges() {
        assertThat(StateBatch.decode(record(Topics.DEVICES, KEY.asString(), DeviceRecord.CODEC.encode(DEVICE))))
                .isEqualTo(new StateInput.DeviceChange(KEY, Optional.of(DEVICE)));
        assertThat(StateBatch.decode(record(Topics.DEVICES, KEY.asString(), null)))
                .isEqualTo(new StateInput.DeviceChange(KEY, Optional.empty()));
    }

    @Test
    void deviceRecordWithoutAUsableKey_isMalformed() {
        assertThatThrownBy(() -> StateBatch.decode(record(Topics.DEVICES, "no-slash", null)))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> StateBatch.decode(record(Topics.DEVICES, null, DeviceRecord.CODEC.encode(DEVICE))))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void recordOfAnotherType_isMalformed() {
        ConsumerRecord<byte[], byte[]> record = record(Topics.LIFECYCLE, "U1/c",
                SessionEventRecord.CODEC.encode(CONNECTED));
        record.headers().add(RecordHeaders.CE_TYPE, DeviceRecord.TYPE.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> StateBatch.decode(record)).isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void batch_keepsInputsInOrder_setsAsideMalformedRecords_andCommitsPastTheLastOne() {
        TopicPartition devices = new TopicPartition(Topics.DEVICES, 0);
        TopicPartition lifecycle = new TopicPartition(Topics.LIFECYCLE, 1);
        ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(
                devices, List.of(record(Topics.DEVICES, 0, 4, KEY.asString(), DeviceRecord.CODEC.encode(DEVICE))),
                lifecycle, List.of(
                        record(Topics.LIFECYCLE, 1, 10, "U1/c", "{".getBytes(StandardCharsets.UTF_8)),
                        record(Topics.LIFECYCLE, 1, 11, "U1/c", SessionEventRecord.CODEC.encode(CONNECTED)))),
                Map.of());

        StateBatch batch = StateBatch.of(records);

        assertThat(batch.inputs()).containsExactlyInAnyOrder(
                new StateInput.DeviceChange(KEY, Optional.of(DEVICE)), new StateInput.SessionEvent(CONNECTED));
        assertThat(batch.malformed()).extracting(StateBatch.MalformedRecord::position)
                .containsExactly(Topics.LIFECYCLE + "-1@10");
        assertThat(batch.firstOffsets()).containsEntry(devices, 4L).containsEntry(lifecycle, 10L);
        assertThat(batch.nextOffsets()).containsEntry(devices, new OffsetAndMetadata(5))
                .containsEntry(lifecycle, new OffsetAndMetadata(12));
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return record(topic, 0, 0, key, value);
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, String key,
            byte[] value) {
        return new ConsumerRecord<>(topic, partition, offset, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value);
    }
}
