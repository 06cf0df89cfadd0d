package io.thingbus.event.messaging;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.ChannelRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.event.domain.ChannelChange;
import java.nio.charset.StandardCharsets;

/**
 * Reads records of {@link Topics#CHANNELS} as channel changes: key {@code <tenant>/<channel id>}
 * ({@link ChannelRecord#key()}); a {@link ChannelRecord} of that channel, or none (a tombstone: the channel was
 * deleted). Pure.
 */
final class ChannelRecords {

    private ChannelRecords() {
    }

    /** @throws MalformedRecordException when the key or value does not follow the contract */
    static ChannelChange decode(byte[] key, byte[] value) {
        ChannelChange.Deleted keyed = keyOf(key);
        if (value == null) {
            return keyed;
        }
        ChannelRecord record = ChannelRecord.CODEC.decode(value);
        if (!record.tenant().equals(keyed.tenant()) || !record.channelId().equals(keyed.channel())) {
            throw new MalformedRecordException("record of channel " + record.key() + " under key "
                    + ChannelRecord.key(keyed.tenant(), keyed.channel()));
        }
        return new ChannelChange.Announced(record.tenant(), record.channelId(), record.deviceId());
    }

    /** The key as the deletion of its channel. */
    private static ChannelChange.Deleted keyOf(byte[] key) {
        if (key == null) {
            throw new MalformedRecordException("channel record without a key");
        }
        String text = new String(key, StandardCharsets.UTF_8);
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new MalformedRecordException("invalid channel key: " + text);
        }
        try {
            return new ChannelChange.Deleted(TenantId.of(text.substring(0, slash)),
                    ChannelId.of(text.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("invalid channel key: " + e.getMessage(), e);
        }
    }
}
