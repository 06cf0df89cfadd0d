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
 * <p>The device is its owner's ({@link SubdeviceEventRecord#deviceKey()}): a device another user claimed away from
 * the gateway's owner is that user's device, reached through the former owner's gateway session. A gateway names a
 * device by its id only, so a {@code disconnected} ends what the session carries under that id, whoever owns it.
 *
 * @param gatewaySession the gateway's session (the gateway owner's tenant and MQTT client id)
 * @param connectionId the gateway's connection the event happened on
 * @param device the sub-device: its owner and device id
 */
record SubdeviceStep(SessionKey gatewaySession, String connectionId, DeviceKey device, DeviceId gateway,
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
                record.deviceKey(), record.gatewayId(), SubdeviceEventRecord.CONNECTED.equals(record.event()),
                record.at());
    }

    @Override
    public StateOutcome applyTo(StateChanges changes) {
        changes.rememberGateway(device, gateway, at);
        boolean isCurrent = changes.currentConnection(gatewaySession).filter(connectionId::equals).isPresent();
        if (!isCurrent) {
            return StateOutcome.SUBDEVICE_STALE;
        }
        if (connected) {
            changes.connectSubdevice(gatewaySession, connectionId, device, gateway, at);
            return StateOutcome.SUBDEVICE_CONNECTED;
        }
        changes.disconnectSubdevice(gatewaySession, device.device());
        return StateOutcome.SUBDEVICE_DISCONNECTED;
    }
}
