package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SubdeviceEventRecord;
import java.time.Instant;
import java.util.Objects;

/**
 * A gateway's sub-device event, checked. Every event, also a stale one, records that the device is a gateway's
 * sub-device (RPCs to it are held while no gateway carries it). It changes the device's connection only when it
 * happened on the gateway's current connection: a gateway's new connection, or the end of its session, already
 * dropped every sub-device of the old one.
 *
 * @param gatewaySession the gateway's session (tenant and MQTT client id)
 * @param connectionId the gateway's connection the event happened on
 */
record SubdeviceStep(SessionKey gatewaySession, String connectionId, DeviceId device, DeviceId gateway,
        boolean connected, Instant at) implements StateStep {

    SubdeviceStep {
        Objects.requireNonNull(gatewaySession, "gatewaySession");
        Text.require(connectionId, "connection_id");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(at, "at");
    }

    /** @throws IllegalArgumentException when the client id, connection id or broker is empty or contains NUL */
    static SubdeviceStep of(SubdeviceEventRecord record) {
        Text.require(record.broker(), "broker");
        return new SubdeviceStep(new SessionKey(record.tenant(), record.clientId()), record.connectionId(),
                record.deviceId(), record.gatewayId(), SubdeviceEventRecord.CONNECTED.equals(record.event()),
                record.at());
    }

    @Override
    public StateOutcome applyTo(StateChanges changes) {
        changes.rememberGateway(DeviceKey.of(gatewaySession.tenant(), device), gateway, at);
        boolean isCurrent = changes.currentConnection(gatewaySession).filter(connectionId::equals).isPresent();
        if (!isCurrent) {
            return StateOutcome.SUBDEVICE_STALE;
        }
        if (connected) {
            changes.connectSubdevice(gatewaySession, connectionId, device, gateway, at);
            return StateOutcome.SUBDEVICE_CONNECTED;
        }
        changes.disconnectSubdevice(gatewaySession, device);
        return StateOutcome.SUBDEVICE_DISCONNECTED;
    }
}
