package io.thingbus.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.thingbus.command.domain.StateInput;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StateBatchTest {

    private static final DeviceKey KEY = DeviceKey.of(TenantId.of("U1"), DeviceId.of("dev-1"));
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final DeviceRecord DEVICE = new DeviceRecord(KEY.tenant(), KEY.device(), "dev-1",
            ChannelId.defaultFor(KEY.tenant(), KEY.device()), "api", AT, AT);
    private static final SessionEventRecord CONNECTED = new SessionEventRecord("connected", KEY.tenant(), "c", "x",
            "broker-0", null, "tcp", "5", List.of(), null, AT);
    private static final SubdeviceEventRecord SUBDEVICE_CONNECTED = new SubdeviceEventRecord("connected",
            KEY.tenant(), KEY.device(), "thermometer", DeviceId.of("gw"), "gw", "g-1", "broker-0", null, AT);
    private static final RpcResponseRecord ANSWER = new RpcResponseRecord(KEY.tenant(), KEY.device(), "7",
            JsonNodeFactory.instance.objectNode().put("ok", true), DeviceId.of("gw"), AT);

    @Test
    void deviceRecord_andTombstone_becomeDeviceChanges() {
        assertThat(StateBatch.decode(record(Topics.DEVICES, KEY.asString(), DeviceRecord.CODEC.encode(DEVICE))))
                .contains(new StateInput.DeviceChange(KEY, Optional.of(DEVICE)));
        assertThat(StateBatch.decode(record(Topics.DEVICES, KEY.asString(), null)))
                .contains(new StateInput.DeviceChange(KEY, Optional.empty()));
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
    void subdeviceEventOnTheLifecycleTopic_becomesASubdeviceInput() {
        ConsumerRecord<byte[], byte[]> record = typed(Topics.LIFECYCLE, "U1/gw", SubdeviceEventRecord.TYPE,
                SubdeviceEventRecord.CODEC.encode(SUBDEVICE_CONNECTED));

        assertThat(StateBatch.decode(record)).contains(new StateInput.SubdeviceEvent(SUBDEVICE_CONNECTED));
    }

    @Test
    void rpcResponse_becomesAnRpcAnswer_andOtherDeviceRequestsAreSkipped() {
        assertThat(StateBatch.decode(typed(Topics.DEVICE_REQUESTS, KEY.asString(), RpcResponseRecord.TYPE,
                RpcResponseRecord.CODEC.encode(ANSWER)))).contains(new StateInput.RpcAnswer(ANSWER));
        assertThat(StateBatch.decode(typed(Topics.DEVICE_REQUESTS, KEY.asString(),
                "io.thingbus.attribute-request.v1", "{}".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void deviceRequestWithoutAType_orAnRpcResponseMissingItsId_isMalformed() {
        assertThatThrownBy(() -> StateBatch.decode(record(Topics.DEVICE_REQUESTS, KEY.asString(),
                RpcResponseRecord.CODEC.encode(ANSWER)))).isInstanceOf(MalformedRecordException.class);
        String withoutId = "{\"tenant\":\"U1\",\"device_id\":\"dev-1\",\"at\":\"2026-11-21T10:00:00Z\"}";
        assertThatThrownBy(() -> StateBatch.decode(typed(Topics.DEVICE_REQUESTS, KEY.asString(),
                RpcResponseRecord.TYPE, withoutId.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedRecordException.class);
    }

    /** That the loop then commits past them is {@link StateBatchHandlerTest}'s. */
    @Test
    void skippedDeviceRequests_areCounted() {
        TopicPartition requests = new TopicPartition(Topics.DEVICE_REQUESTS, 2);
        ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(requests, List.of(
                typed(Topics.DEVICE_REQUESTS, 2, 7, "io.thingbus.claim-request.v1"),
                typed(Topics.DEVICE_REQUESTS, 2, 8, RpcResponseRecord.TYPE))), Map.of());

        StateBatch batch = StateBatch.of(records);

        assertThat(batch.inputs()).containsExactly(new StateInput.RpcAnswer(ANSWER));
        assertThat(batch.ignored()).isEqualTo(1);
    }

    /** That the loop then commits past the malformed record is {@link StateBatchHandlerTest}'s. */
    @Test
    void batch_keepsInputsInOrder_andSetsAsideMalformedRecordsWithTheirPositions() {
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
        assertThat(batch.positionOf(batch.inputs().indexOf(new StateInput.SessionEvent(CONNECTED))))
                .isEqualTo(Topics.LIFECYCLE + "-1@11");
    }

    private static ConsumerRecord<byte[], byte[]> typed(String topic, String key, String type, byte[] value) {
        ConsumerRecord<byte[], byte[]> record = record(topic, key, value);
        record.headers().add(RecordHeaders.CE_TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static ConsumerRecord<byte[], byte[]> typed(String topic, int partition, long offset, String type) {
        byte[] value = RpcResponseRecord.TYPE.equals(type) ? RpcResponseRecord.CODEC.encode(ANSWER)
                : "{}".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> record = record(topic, partition, offset, KEY.asString(), value);
        record.headers().add(RecordHeaders.CE_TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
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
