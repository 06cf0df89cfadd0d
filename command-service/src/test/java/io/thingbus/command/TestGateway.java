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
 * device-service and broker-service would write about them. The sub-device is the gateway owner's unless another user
 * claimed it away: the {@code owner} variants write what the services write then (the owner's registry entry,
 * sub-device events naming the owner as {@code device_tenant}, answers under the owner's key).
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
        return deviceRecordOf(tenant, "auto");
    }

    /** The sub-device in the registry of {@code owner}, who claimed it (device-service moved the entry there). */
    DeviceRecord claimedBy(TenantId owner) {
        return deviceRecordOf(owner, "api");
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
        return subdevice(SubdeviceEventRecord.CONNECTED, connection, tenant);
    }

    /** The gateway announces the sub-device that {@code owner} claimed away (the broker names the owner). */
    SubdeviceEventRecord subdeviceConnectedFor(TenantId owner, String connection) {
        return subdevice(SubdeviceEventRecord.CONNECTED, connection, owner);
    }

    SubdeviceEventRecord subdeviceDisconnected(String connection) {
        return subdevice(SubdeviceEventRecord.DISCONNECTED, connection, tenant);
    }

    /** The gateway's reply {@code {"device","id","data"}} to RPC {@code id}, as broker-service records it. */
    RpcResponseRecord answer(long id, JsonNode data) {
        return answerFor(tenant, id, data);
    }

    /** The gateway's reply for a sub-device {@code owner} claimed away: broker-service records it with the owner. */
    RpcResponseRecord answerFor(TenantId owner, long id, JsonNode data) {
        return new RpcResponseRecord(owner, device, Long.toString(id), data, DeviceId.of(clientId), Instant.now());
    }

    private DeviceRecord deviceRecordOf(TenantId owner, String provisioning) {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        return new DeviceRecord(owner, device, device.value(), ChannelId.defaultFor(owner, device), provisioning,
                now, now);
    }

    private SubdeviceEventRecord subdevice(String event, String connection, TenantId owner) {
        return new SubdeviceEventRecord(event, tenant, device, "thermometer", DeviceId.of(clientId), clientId,
                connection, "broker-0", null, Instant.now(), owner);
    }
}
