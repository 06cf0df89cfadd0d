package io.thingbus.stream.persistence;

import io.thingbus.contracts.ChannelRecord;
import io.thingbus.stream.domain.Channel;
import io.thingbus.stream.domain.Tag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes channel records to table {@code outbox} in the caller's transaction: the channel's new state
 * ({@link ChannelRecord}) after a change, or a tombstone after a deletion. Call it after the change's row locks are
 * held, so that records of one channel are numbered in the order their transactions commit.
 */
final class ChannelOutbox {

    private static final String INSERT = """
            INSERT INTO outbox (event_id, tenant, record_key, record_value, created_at) VALUES (?, ?, ?, ?, ?)""";

    private ChannelOutbox() {
    }

    /** Announces the channel's state as it is after the change (at its update time). */
    static void changed(Connection connection, Channel channel) throws SQLException {
        ChannelRecord record = new ChannelRecord(channel.tenant(), channel.id(), channel.device(),
                channel.name().value(), channel.tags().stream().map(Tag::value).toList(), channel.createdAt(),
                channel.updatedAt());
        insert(connection, new ChannelKey(channel.tenant(), channel.id()), ChannelRecord.CODEC.encode(record),
                channel.updatedAt());
    }

    /** Announces that the channel was deleted. */
    static void deleted(Connection connection, ChannelKey key, Instant now) throws SQLException {
        insert(connection, key, null, now);
    }

    private static void insert(Connection connection, ChannelKey key, byte[] value, Instant time)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, key.tenant().value());
            insert.setString(3, ChannelRecord.key(key.tenant(), key.channel()));
            insert.setBytes(4, value);
            insert.setObject(5, ChannelRows.utc(time));
            insert.executeUpdate();
        }
    }
}
