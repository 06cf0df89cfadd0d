package io.thingbus.event.messaging;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.Topics;
import io.thingbus.event.domain.DeviceChange;
import java.nio.charset.StandardCharsets;

/**
 * Reads records of {@link Topics#DEVICES} as registry changes: key {@code <tenant>/<device id>}; a
 * {@link DeviceRecord} of that device, or none (a tombstone: the device was deleted). Pure.
 */
final class DeviceRecords {

    private DeviceRecords() {
    }

    /** @throws MalformedRecordException when the key or value does not follow the contract */
    static DeviceChange decode(byte[] key, byte[] value) {
        DeviceKey device = keyOf(key);
        if (value == null) {
            return new DeviceChange.Removed(device.tenant(), device.device());
        }
        DeviceRecord record = DeviceRecord.CODEC.decode(value);
        if (!record.key().equals(device)) {
            throw new MalformedRecordException("record of device " + record.key() + " under key " + device);
        }
        return new DeviceChange.Registered(record.tenant(), record.deviceId(), record.channelId());
    }

    private static DeviceKey keyOf(byte[] key) {
        if (key == null) {
            throw new MalformedRecordException("device record without a key");
        }
        try {
            return DeviceKey.parse(new String(key, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("invalid device key: " + e.getMessage(), e);
        }
    }
}
