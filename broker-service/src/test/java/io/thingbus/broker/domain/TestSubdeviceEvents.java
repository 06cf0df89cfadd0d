package io.thingbus.broker.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import java.time.Instant;

/** Sub-device events of a gateway connection, as the gateway publish mapper makes them (broker {@code edge-1}). */
final class TestSubdeviceEvents {

    static final String BROKER = "edge-1";
    static final Instant CONNECTED_AT = Instant.parse("2026-11-21T10:00:00Z");

    private TestSubdeviceEvents() {
    }

    /** The gateway connected {@code device} of its own user, without a type. */
    static SubdeviceEventRecord connected(MqttConnection gateway, DeviceId device) {
        return connected(gateway, device, null, null);
    }

    /** The gateway connected {@code device} of {@code owner} (null: its own user's), of type {@code type} (or none). */
    static SubdeviceEventRecord connected(MqttConnection gateway, DeviceId device, String type, TenantId owner) {
        return event(SubdeviceEventRecord.CONNECTED, gateway, device, type, owner);
    }

    /** The gateway disconnected {@code device}. */
    static SubdeviceEventRecord disconnected(MqttConnection gateway, DeviceId device) {
        return event(SubdeviceEventRecord.DISCONNECTED, gateway, device, null, null);
    }

    private static SubdeviceEventRecord event(String event, MqttConnection gateway, DeviceId device, String type,
            TenantId owner) {
        return new SubdeviceEventRecord(event, gateway.identity().tenant(), device, type,
                DeviceId.of(gateway.clientId()), gateway.clientId(), gateway.connectionId(), BROKER,
                gateway.identity().token().hash(), CONNECTED_AT, owner);
    }
}
