package io.thingbus.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingbus.command.domain.InMemoryStateStore;
import io.thingbus.command.domain.KnownDevice;
import io.thingbus.command.domain.StateProjection;
import io.thingbus.command.domain.StoreUnavailableException;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * One polled batch through the handler the state consumer's loop calls: a batch it returns from is committed past
 * every record, a batch it throws for is read again.
 */
class StateBatchHandlerTest {

    private static final TenantId TENANT = TenantId.of("U1");
    private static final DeviceKey KEY = DeviceKey.of(TENANT, DeviceId.of("dev-1"));
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final TopicPartition DEVICES = new TopicPartition(Topics.DEVICES, 0);
    private static final TopicPartition LIFECYCLE = new TopicPartition(Topics.LIFECYCLE, 1);
    private static final TopicPartition REQUESTS = new TopicPartition(Topics.DEVICE_REQUESTS, 2);

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final AtomicInteger wakeUps = new AtomicInteger();

    @Test
    void batchWithAMalformedRecordAndAForeignDeviceRequest_isHandled_soTheLoopCommitsPastThem_andCountsThem() {
        ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(
                DEVICES, List.of(record(DEVICES, 4, KEY.asString(), DeviceRecord.TYPE, DeviceRecord.CODEC.encode(
                        new DeviceRecord(TENANT, KEY.device(), "dev-1", ChannelId.defaultFor(TENANT, KEY.device()),
                                "api", AT, AT)))),
                LIFECYCLE, List.of(
                        record(LIFECYCLE, 10, "U1/c", null, "{".getBytes(StandardCharsets.UTF_8)),
                        record(LIFECYCLE, 11, "U1/c", SessionEventRecord.TYPE, SessionEventRecord.CODEC.encode(
                                connected("c", "x")))),
                REQUESTS, List.of(record(REQUESTS, 7, KEY.asString(), "io.thingbus.claim-request.v1",
                        "{}".getBytes(StandardCharsets.UTF_8)))), Map.of());

        handler(new StateProjection(store)).handle(records);

        assertThat(store.find(KEY)).contains(new KnownDevice(KEY, Optional.empty()));
        assertThat(count("thingbus.command.state.records", "kind", "device")).isEqualTo(1);
        assertThat(count("thingbus.command.state.records", "kind", "session-event")).isEqualTo(1);
        assertThat(count("thingbus.command.state.records", "kind", "ignored-device-request")).isEqualTo(1);
        assertThat(count("thingbus.command.state.rejected", "reason", "malformed-record")).isEqualTo(1);
        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void batchInWhichAGatewayConnectsASubdevice_wakesTheRpcDispatcher() {
        SubdeviceEventRecord subdevice = new SubdeviceEventRecord("connected", TENANT, KEY.device(), "thermometer",
                DeviceId.of("gw"), "gw", "g-1", "broker-0", null, AT);
        ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(LIFECYCLE, List.of(
                record(LIFECYCLE, 1, "U1/gw", SessionEventRecord.TYPE,
                        SessionEventRecord.CODEC.encode(connected("gw", "g-1"))),
                record(LIFECYCLE, 2, "U1/gw", SubdeviceEventRecord.TYPE,
                        SubdeviceEventRecord.CODEC.encode(subdevice)))), Map.of());

        handler(new StateProjection(store)).handle(records);

        assertThat(store.currentRoute(KEY)).isPresent();
        assertThat(wakeUps).hasValue(1);
        assertThat(count("thingbus.command.state.records", "kind", "subdevice-event")).isEqualTo(1);
    }

    @Test
    void batchTheDatabaseFails_isThrownBackToBeReadAgain_namingTheCause_andCountsAStoreFailure() {
        StateProjection failing = new StateProjection(work -> {
            throw new StoreUnavailableException("cannot store state changes", new SQLException("Connection refused"));
        });
        ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(LIFECYCLE, List.of(
                record(LIFECYCLE, 1, "U1/c", SessionEventRecord.TYPE,
                        SessionEventRecord.CODEC.encode(connected("c", "x"))))), Map.of());

        assertThatThrownBy(() -> handler(failing).handle(records))
                .hasMessage("state store unavailable: cannot store state changes (Connection refused)");

        assertThat(registry.get("thingbus.command.state.store.failures").counter().count()).isEqualTo(1);
        assertThat(count("thingbus.command.state.records", "kind", "session-event")).isZero();
    }

    private StateBatchHandler handler(StateProjection projection) {
        return new StateBatchHandler(projection, new StateMetrics(registry), wakeUps::incrementAndGet);
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    private static SessionEventRecord connected(String clientId, String connectionId) {
        return new SessionEventRecord("connected", TENANT, clientId, connectionId, "broker-0", null, "tcp", "5",
                List.of(), null, AT);
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset, String key,
            String type, byte[] value) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                key.getBytes(StandardCharsets.UTF_8), value);
        if (type != null) {
            record.headers().add(RecordHeaders.CE_TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
