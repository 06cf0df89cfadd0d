package io.thingbus.stream.persistence;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import io.thingbus.stream.domain.Channel;
import io.thingbus.stream.domain.ChannelName;
import io.thingbus.stream.domain.Tag;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * The SQL of tables {@code channels} and {@code channel_tags}, run on a connection the caller owns (usually inside
 * its transaction).
 *
 * <p>Locking: writers of points take {@code FOR KEY SHARE} on the channels they write to (many writers at once; a
 * delete waits for them and they for it), and {@code FOR NO KEY UPDATE} on a channel before they give it a new tag; an
 * update takes {@code FOR NO KEY UPDATE} before anything else; a delete (of the channel or a tag) takes
 * {@code FOR UPDATE}. Locks on several channels, version updates and tag inserts go in {@link ChannelKey} order.
 */
final class ChannelRows {

    /** Row lock strengths, weakest first. */
    enum Lock {
        KEY_SHARE("FOR KEY SHARE"), NO_KEY_UPDATE("FOR NO KEY UPDATE"), UPDATE("FOR UPDATE");

        private final String sql;

        Lock(String sql) {
            this.sql = sql;
        }
    }

    private static final String SELECT = """
            SELECT c.tenant, c.channel_id, c.device_id, c.name, c.version, c.created_at, c.updated_at,
                   ARRAY(SELECT t.tag FROM channel_tags t WHERE t.tenant = c.tenant AND t.channel_id = c.channel_id)
              FROM channels c WHERE c.tenant = ?""";
    private static final String FIND = SELECT + " AND c.channel_id = ?";
    private static final String LIST = SELECT + " ORDER BY c.created_at, c.channel_id";
    private static final String LOCK_ONE = "SELECT 1 FROM channels WHERE tenant = ? AND channel_id = ? ";
    private static final String LOCK_MANY = """
            SELECT tenant, channel_id FROM channels
             WHERE (tenant, channel_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))
             ORDER BY tenant, channel_id FOR KEY SHARE""";
    private static final String ASSIGNED = """
            SELECT d.tenant, d.device_id, c.channel_id
              FROM devices d JOIN channels c ON c.tenant = d.tenant AND c.channel_id = d.channel_id
             WHERE (d.tenant, d.device_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))
             ORDER BY c.tenant, c.channel_id FOR KEY SHARE OF c""";
    private static final String INSERT = """
            INSERT INTO channels (tenant, channel_id, device_id, name, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    private static final String INSERT_DEFAULTS = """
            INSERT INTO channels (tenant, channel_id, device_id, name, version, created_at, updated_at)
            SELECT tenant, channel_id, device_id, channel_id, 1, ?, ?
              FROM unnest(?::text[], ?::text[], ?::text[]) AS n(tenant, channel_id, device_id)
            ON CONFLICT DO NOTHING RETURNING tenant, channel_id""";
    private static final String UPDATE = """
            UPDATE channels SET device_id = ?, name = ?, version = ?, updated_at = ?
             WHERE tenant = ? AND channel_id = ?""";
    private static final String NEXT_VERSION = """
            UPDATE channels SET version = version + 1, updated_at = ? WHERE tenant = ? AND channel_id = ?""";
    private static final String INSERT_TAGS = """
            INSERT INTO channel_tags (tenant, channel_id, tag, created_at)
            SELECT tenant, channel_id, tag, ? FROM unnest(?::text[], ?::text[], ?::text[]) AS n(tenant, channel_id, tag)
            ON CONFLICT DO NOTHING RETURNING tenant, channel_id""";
    private static final String UNKNOWN_TAGS = """
            SELECT DISTINCT n.tenant, n.channel_id
              FROM unnest(?::text[], ?::text[], ?::text[]) AS n(tenant, channel_id, tag)
             WHERE NOT EXISTS (SELECT 1 FROM channel_tags t
                                WHERE t.tenant = n.tenant AND t.channel_id = n.channel_id AND t.tag = n.tag)""";
    private static final String DELETE_TAG = "DELETE FROM channel_tags WHERE tenant = ? AND channel_id = ? AND tag = ?";
    private static final String DELETE_TAGS = "DELETE FROM channel_tags WHERE tenant = ? AND channel_id = ?";
    private static final String DELETE = "DELETE FROM channels WHERE tenant = ? AND channel_id = ?";

    private ChannelRows() {
    }

    static Optional<Channel> find(Connection connection, ChannelKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setString(1, key.tenant().value());
            select.setString(2, key.channel().value());
            return read(select).stream().findFirst();
        }
    }

    static List<Channel> list(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LIST)) {
            select.setString(1, tenant.value());
            return read(select);
        }
    }

    /** Locks one channel; false when it does not exist. */
    static boolean lock(Connection connection, ChannelKey key, Lock mode) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK_ONE + mode.sql)) {
            select.setString(1, key.tenant().value());
            select.setString(2, key.channel().value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Locks the channels that exist ({@code FOR KEY SHARE}) and returns them. */
    static Set<ChannelKey> lockExisting(Connection connection, Collection<ChannelKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return Set.of();
        }
        try (PreparedStatement select = connection.prepareStatement(LOCK_MANY)) {
            select.setArray(1, texts(connection, keys.stream().map(k -> k.tenant().value()).toList()));
            select.setArray(2, texts(connection, keys.stream().map(k -> k.channel().value()).toList()));
            return keysOf(select);
        }
    }

    /**
     * The channel the device registry names for each device, where the tenant has that channel; locks those channels
     * ({@code FOR KEY SHARE}). Devices without one are missing from the result.
     */
    static Map<DeviceKey, ChannelId> assignedChannels(Connection connection, Set<DeviceKey> devices)
            throws SQLException {
        Map<DeviceKey, ChannelId> assigned = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(ASSIGNED)) {
            select.setArray(1, texts(connection, devices.stream().map(d -> d.tenant().value()).toList()));
            select.setArray(2, texts(connection, devices.stream().map(d -> d.device().value()).toList()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    assigned.put(DeviceKey.of(TenantId.of(rows.getString(1)), DeviceId.of(rows.getString(2))),
                            ChannelId.of(rows.getString(3)));
                }
            }
        }
        return assigned;
    }

    /** Inserts a channel (not its tags); false when the tenant already has a channel with that id. */
    static boolean insert(Connection connection, Channel channel) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, channel.tenant().value());
            insert.setString(2, channel.id().value());
            insert.setString(3, channel.device().value());
            insert.setString(4, channel.name().value());
            insert.setLong(5, channel.version());
            insert.setObject(6, utc(channel.createdAt()));
            insert.setObject(7, utc(channel.updatedAt()));
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Inserts the default channels that do not exist, named after their ids, in key order.
     *
     * @param devices each channel with the device it is created for
     * @return the channels this call created
     */
    static Set<ChannelKey> insertDefaults(Connection connection, SortedMap<ChannelKey, DeviceId> devices, Instant now)
            throws SQLException {
        if (devices.isEmpty()) {
            return Set.of();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_DEFAULTS)) {
            insert.setObject(1, utc(now));
            insert.setObject(2, utc(now));
            insert.setArray(3, texts(connection, devices.keySet().stream().map(k -> k.tenant().value()).toList()));
            insert.setArray(4, texts(connection, devices.keySet().stream().map(k -> k.channel().value()).toList()));
            insert.setArray(5, texts(connection, devices.values().stream().map(DeviceId::value).toList()));
            return keysOf(insert);
        }
    }

    /** Writes a channel's name, device, version and update time (not its tags). */
    static void update(Connection connection, Channel channel) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setString(1, channel.device().value());
            update.setString(2, channel.name().value());
            update.setLong(3, channel.version());
            update.setObject(4, utc(channel.updatedAt()));
            update.setString(5, channel.tenant().value());
            update.setString(6, channel.id().value());
            update.executeUpdate();
        }
    }

    /** Counts a change of the channels' tags: the next version, updated now; in the order given. */
    static void nextVersions(Connection connection, Collection<ChannelKey> keys, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(NEXT_VERSION)) {
            for (ChannelKey key : keys) {
                update.setObject(1, utc(now));
                update.setString(2, key.tenant().value());
                update.setString(3, key.channel().value());
                update.executeUpdate();
            }
        }
    }

    /** Locks each channel ({@code mode}) in the order given; channels that do not exist are skipped. */
    static void lockAll(Connection connection, Collection<ChannelKey> keys, Lock mode) throws SQLException {
        for (ChannelKey key : keys) {
            lock(connection, key, mode);
        }
    }

    /** The channels that do not know (some of) these tags yet. */
    static Set<ChannelKey> withUnknownTags(Connection connection,
            SortedMap<ChannelKey, ? extends Collection<Tag>> tags) throws SQLException {
        TagRows rows = TagRows.of(tags);
        if (rows.isEmpty()) {
            return Set.of();
        }
        try (PreparedStatement select = connection.prepareStatement(UNKNOWN_TAGS)) {
            select.setArray(1, texts(connection, rows.tenants()));
            select.setArray(2, texts(connection, rows.channels()));
            select.setArray(3, texts(connection, rows.tags()));
            return keysOf(select);
        }
    }

    /**
     * Adds tags to channels, in key and tag order.
     *
     * @return the channels that got a tag they did not know yet
     */
    static Set<ChannelKey> insertTags(Connection connection, SortedMap<ChannelKey, ? extends Collection<Tag>> tags,
            Instant now) throws SQLException {
        TagRows rows = TagRows.of(tags);
        if (rows.isEmpty()) {
            return Set.of();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TAGS)) {
            insert.setObject(1, utc(now));
            insert.setArray(2, texts(connection, rows.tenants()));
            insert.setArray(3, texts(connection, rows.channels()));
            insert.setArray(4, texts(connection, rows.tags()));
            return keysOf(insert);
        }
    }

    /** @return whether the channel knew the tag */
    static boolean deleteTag(Connection connection, ChannelKey key, Tag tag) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_TAG)) {
            delete.setString(1, key.tenant().value());
            delete.setString(2, key.channel().value());
            delete.setString(3, tag.value());
            return delete.executeUpdate() > 0;
        }
    }

    /** Deletes the channel row and its tags (not its points). */
    static void delete(Connection connection, ChannelKey key) throws SQLException {
        for (String sql : List.of(DELETE_TAGS, DELETE)) {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setString(1, key.tenant().value());
                delete.setString(2, key.channel().value());
                delete.executeUpdate();
            }
        }
    }

    static OffsetDateTime utc(Instant time) {
        return OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    private static List<Channel> read(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            List<Channel> channels = new ArrayList<>();
            while (rows.next()) {
                channels.add(channelOf(rows));
            }
            return channels;
        }
    }

    private static Channel channelOf(ResultSet row) throws SQLException {
        Array tags = row.getArray(8);
        List<Tag> known = Arrays.stream((String[]) tags.getArray()).map(Tag::new).toList();
        return new Channel(
                TenantId.of(row.getString(1)),
                ChannelId.of(row.getString(2)),
                DeviceId.of(row.getString(3)),
                new ChannelName(row.getString(4)),
                known,
                row.getLong(5),
                row.getObject(6, OffsetDateTime.class).toInstant(),
                row.getObject(7, OffsetDateTime.class).toInstant());
    }

    private static Set<ChannelKey> keysOf(PreparedStatement statement) throws SQLException {
        Set<ChannelKey> keys = new HashSet<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                keys.add(new ChannelKey(TenantId.of(rows.getString(1)), ChannelId.of(rows.getString(2))));
            }
        }
        return keys;
    }

    private static Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    /** (tenant, channel, tag) triples as three parallel columns, in key and tag order, for {@code unnest}. */
    private record TagRows(List<String> tenants, List<String> channels, List<String> tags) {

        static TagRows of(SortedMap<ChannelKey, ? extends Collection<Tag>> tags) {
            TagRows rows = new TagRows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            tags.forEach((key, channelTags) -> channelTags.stream().map(Tag::value).sorted().forEach(tag -> {
                rows.tenants().add(key.tenant().value());
                rows.channels().add(key.channel().value());
                rows.tags().add(tag);
            }));
            return rows;
        }

        boolean isEmpty() {
            return tags.isEmpty();
        }
    }
}
