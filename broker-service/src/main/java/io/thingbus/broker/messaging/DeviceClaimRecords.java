package io.thingbus.broker.messaging;

import io.thingbus.broker.domain.Reannounced;
import io.thingbus.broker.domain.SubdeviceOwnership;
import io.thingbus.contracts.DeviceClaimRecord;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.MalformedRecordException;
import java.nio.charset.StandardCharsets;

/**
 * Applies one record of the compacted device claims topic through the {@link SubdeviceOwnership} (to the local
 * claims, re-announcing the sub-devices whose owner changed): key = the former {@link DeviceKey}
 * ({@code <former tenant>/<device id>}, UTF-8), value = a {@link DeviceClaimRecord} (JSON) naming who claimed the
 * device away, or null (a tombstone): the former owner has the device again.
 */
final class DeviceClaimRecords {

    private DeviceClaimRecords() {
    }

    /**
     * @return what the record made this instance re-announce
     * @throws MalformedRecordException when the key is not a device key, the value not a claim record, or the record's
     *         {@code tenant}/{@code device_id} differ from its key; nothing is applied then
     */
    static Reannounced apply(byte[] key, byte[] value, SubdeviceOwnership ownership) {
        DeviceKey former = keyOf(key);
        if (value == null) {
            return ownership.reclaimed(former);
        }
        DeviceClaimRecord record = DeviceClaimRecord.CODEC.decode(value);
        if (!record.key().equals(former)) {
            throw new MalformedRecordException("the record's tenant and device_id differ from its key");
        }
        return ownership.claimed(former, record.claimedBy());
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
