package io.thingbus.device.messaging;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.ChannelRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.ChannelChange;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a record of {@code thingbus.channels.v1} means for the registry: a {@value ChannelRecord#TYPE} value announces
 * a channel and the device it is associated with, a tombstone (null value) deletes the channel named by the key
 * {@code <tenant>/<channel id>}. Records of other types mean nothing here. Pure.
 */
final class ChannelRecords {

    private ChannelRecords() {
    }

    /**
     * @param type the record's {@code ce_type}
     * @param key the record's key, UTF-8; null when it has none
     * @param value the record's value; null for a tombstone
     * @return the change, or empty for records of other types
     * @throws MalformedRecordException when the key is not a channel key, or the value is not a channel record of
     *     the channel its key names
     */
    static Optional<ChannelChange> read(String type, byte[] key, byte[] value) {
        if (!ChannelRecord.TYPE.equals(type)) {
            return Optional.empty();
        }
        ChannelChange.Deleted keyed = parseKey(key);
        if (value == null) {
            return Optional.of(keyed);
        }
        ChannelRecord record = ChannelRecord.CODEC.decode(value);
        if (!record.tenant().equals(keyed.tenant()) || !record.channelId().equals(keyed.channel())) {
            throw new MalformedRecordException("the value names another channel than the key");
        }
        return Optional.of(new ChannelChange.Announced(record.tenant(), record.channelId(), record.deviceId()));
    }

    private static ChannelChange.Deleted parseKey(byte[] key) {
        String text = key == null ? "" : new String(key, StandardCharsets.UTF_8);
        int slash = text.indexOf('/');
        if (slash < 0 || !TenantId.isValid(text.substring(0, slash))
                || !ChannelId.isValid(text.substring(slash + 1))) {
            throw new MalformedRecordException("not a channel key (<tenant>/<channel id>): " + text);
        }
        return new ChannelChange.Deleted(TenantId.of(text.substring(0, slash)),
                ChannelId.of(text.substring(slash + 1)));
    }
}
