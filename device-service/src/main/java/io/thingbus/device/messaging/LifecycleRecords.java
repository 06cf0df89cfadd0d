package io.thingbus.device.messaging;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.device.domain.GatewayEvent;
import java.util.Optional;

/**
 * What a record of {@code thingbus.lifecycle.v1} means for the registry: a sub-device connect or disconnect
 * ({@value SubdeviceEventRecord#TYPE}), or the end of a session ({@value SessionEventRecord#TYPE} {@code disconnected},
 * which disconnects the sub-devices a gateway announced over it). Other session events and other record types mean
 * nothing here. A sub-device event is about {@link SubdeviceEventRecord#deviceKey()}, the device of its owner (another
 * user than the gateway's when that user claimed it), and comes from the gateway session of the record's
 * {@code tenant}. Pure.
 */
final class LifecycleRecords {

    private LifecycleRecords() {
    }

    /**
     * @param type the record's {@code ce_type}
     * @return the event, or empty for records the registry does not need
     * @throws MalformedRecordException when the value does not follow the schema of its type
     */
    static Optional<GatewayEvent> read(String type, byte[] value) {
        if (SubdeviceEventRecord.TYPE.equals(type)) {
            return Optional.of(subdeviceEvent(SubdeviceEventRecord.CODEC.decode(value)));
        }
        if (SessionEventRecord.TYPE.equals(type)) {
            SessionEventRecord session = SessionEventRecord.CODEC.decode(value);
            return SessionEventRecord.DISCONNECTED.equals(session.event())
                    ? Optional.of(new GatewayEvent.SessionEnded(session.tenant(), session.clientId(),
                            session.connectionId(), session.at()))
                    : Optional.empty();
        }
        return Optional.empty();
    }

    private static GatewayEvent subdeviceEvent(SubdeviceEventRecord record) {
        DeviceKey device = record.deviceKey();
        if (SubdeviceEventRecord.CONNECTED.equals(record.event())) {
            return new GatewayEvent.SubdeviceConnected(device, record.tenant(), record.gatewayId(), record.clientId(),
                    record.connectionId(), Optional.ofNullable(record.tokenHash()), record.at());
        }
        return new GatewayEvent.SubdeviceDisconnected(device, record.tenant(), record.clientId(), record.at());
    }
}
