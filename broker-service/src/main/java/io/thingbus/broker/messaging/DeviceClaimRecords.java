package io.thingbus.broker.messaging;

import io.thingbus.broker.domain.ClaimedDevices;
import io.thingbus.contracts.DeviceClaimRecord;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.MalformedRecordException;
import java.nio.charset.StandardCharsets;

/**
 * Applies one record of the compacted device claims topic to the local {@link ClaimedDevices}: key = the former
 * {@link DeviceKey} ({@code <former tenant>/<device id>}, UTF-8), value = a {@link DeviceClaimRecord} (JSON) naming
 * who claimed the device away, or null (a tombstone): the former owner has the device again.
 */
final class DeviceClaimRecords {

    private DeviceClaimRecords() {
    }

    /**
     * @throws MalformedRecordException when the key is not a device key, the value not a claim record, or the record's
     *         {@code tenant}/{@code device_id} differ from its key; {@code claims} is then unchanged
     */
    static void apply(byte[] key, byte[] value, ClaimedDevices claims) {
        DeviceKey former = keyOf(key);
        if (value == null) {
            claims.reclaimed(former);
            return;
        }
        DeviceClaimRecord record = DeviceClaimRecord.CODEC.decode(value);
        if (!record.key().equals(former)) {
            throw new MalformedRecordException("the record's tenant and device_id differ from its key");
        }
        claims.claimed(former, record.claimedBy());
    }

    private static DeviceKey keyOf(byte[] key) {
        if (key == null) {
            throw new MalformedRecordException("device claim record without key");
        }
        try {
            return DeviceKey.parse(new String(key, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("device claim record key is not <tenant>/<device id>", e);
        }
    }
}
