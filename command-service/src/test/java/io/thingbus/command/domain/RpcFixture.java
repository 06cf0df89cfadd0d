package io.thingbus.command.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The state an RPC test needs, in memory: a registered sub-device, gateway sessions and sub-device events applied
 * through the real projection, a downlink sender that records (or refuses) what it is given.
 */
final class RpcFixture {

    static final TenantId TENANT = TenantId.of("Urpc");
    static final DeviceKey DEVICE = DeviceKey.of(TENANT, DeviceId.of("Device A"));
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    final InMemoryStateStore state = new InMemoryStateStore();
    final StateProjection projection = new StateProjection(state);
    final List<DownlinkRecord> sent = new CopyOnWriteArrayList<>();
    volatile boolean kafkaDown;
    /** Runs when Kafka acknowledges a downlink, before the sender records it: a gateway answering very fast. */
    volatile Runnable onAcknowledged = () -> { };
    final DownlinkSender downlinks = record -> {
        if (kafkaDown) {
            throw new DownlinkUnavailableException("not acknowledged", null);
        }
        sent.add(record);
        onAcknowledged.run();
    };

    RpcSender sender(Clock clock) {
        return new RpcSender(downlinks, state.rpcs(), clock, RpcObserver.NONE);
    }

    static RpcSettings settings(Duration pollInterval) {
        return new RpcSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofHours(1),
                Duration.ofDays(7), 2000, Duration.ofSeconds(30), pollInterval, 100, Duration.ofDays(7));
    }

    void register(DeviceKey device) {
        projection.apply(List.of(new StateInput.DeviceChange(device, Optional.of(new DeviceRecord(device.tenant(),
                device.device(), device.device().value(), ChannelId.defaultFor(device.tenant(), device.device()),
                "auto", T0, T0)))));
    }

    void gatewayConnected(String gateway, String connection) {
        apply(new StateInput.SessionEvent(new SessionEventRecord(SessionEventRecord.CONNECTED, TENANT, gateway,
                connection, "broker-0", null, "tcp", "3.1.1", List.of(), null, T0)));
    }

    void gatewayDisconnected(String gateway, String connection) {
        apply(new StateInput.SessionEvent(new SessionEventRecord(SessionEventRecord.DISCONNECTED, TENANT, gateway,
                connection, "broker-0", null, null, null, List.of(), "lost", T0)));
    }

    void subdevice(String gateway, String connection, boolean connected) {
        apply(new StateInput.SubdeviceEvent(new SubdeviceEventRecord(
                connected ? SubdeviceEventRecord.CONNECTED : SubdeviceEventRecord.DISCONNECTED, TENANT,
                DEVICE.device(), null, DeviceId.of(gateway), gateway, connection, "broker-0", null, T0)));
    }

    /** The device answers RPC {@code id} with {@code data}, as the broker reports it. */
    StateReport answer(long id, JsonNode data) {
        return projection.apply(List.of(new StateInput.RpcAnswer(new RpcResponseRecord(TENANT, DEVICE.device(),
                Long.toString(id), data, DeviceId.of("gw-1"), T0.plusSeconds(1)))));
    }

    static RpcRequest request(boolean oneWay, Optional<Duration> timeout, Optional<Duration> expiry) {
        return new RpcRequest(DEVICE, "toggle_gpio", JsonNodeFactory.instance.objectNode().put("pin", 1), oneWay,
                timeout, expiry);
    }

    private void apply(StateInput input) {
        StateReport report = projection.apply(List.of(input));
        if (!report.rejected().isEmpty()) {
            throw new IllegalStateException("rejected: " + report.rejected());
        }
    }
}
