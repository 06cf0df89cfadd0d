package io.thingbus.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ThingsBoard gateway of a fresh random tenant (its MQTT client id is its device id) with one sub-device, and what
 * device-service and broker-service would write about them.
 */
final class TestGateway {

    final TenantId tenant = TestDevice.randomTenant();
    final String clientId = "gw-" + UUID.randomUUID().toString().substring(0, 8);
    final DeviceId device = DeviceId.of("Device " + UUID.randomUUID().toString().substring(0, 6));

    DeviceKey deviceKey() {
        return DeviceKey.of(tenant, device);
    }

    /** The sub-device in the registry, as device-service writes it when a gateway connects it (no device token). */
    DeviceRecord deviceRecord() {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        return new DeviceRecord(tenant, device, device.value(), ChannelId.defaultFor(tenant, device), "auto", now,
                now);
    }

    SessionEventRecord connected(String connection) {
        return new SessionEventRecord(SessionEventRecord.CONNECTED, tenant, clientId, connection, "broker-0", null,
                "tcp", "3.1.1", List.of(), null, Instant.now());
    }

    SessionEventRecord disconnected(String connection) {
        return new SessionEventRecord(SessionEventRecord.DISCONNECTED, tenant, clientId, connection, "broker-0",
                null, null, null, List.of(), "lost", Instant.now());
    }

    SubdeviceEventRecord subdeviceConnected(String connection) {
        return subdevice(SubdeviceEventRecord.CONNECTED, connection);
    }

    SubdeviceEventRecord subdeviceDisconnected(String connection) {
        return subdevice(SubdeviceEventRecord.DISCONNECTED, connection);
    }

    /** The gateway's reply {@code {"device","id","data"}} to RPC {@code id}, as broker-service records it. */
    RpcResponseRecord answer(long id, JsonNode data) {
        return new RpcResponseRecord(tenant, device, Long.toString(id), data, DeviceId.of(clientId), Instant.now());
    }

    private SubdeviceEventRecord subdevice(String event, String connection) {
        return new SubdeviceEventRecord(event, tenant, device, "thermometer", DeviceId.of(clientId), clientId,
                connection, "broker-0", null, Instant.now());
    }
}
