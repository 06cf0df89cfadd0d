package io.thingbus.device.persistence;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.Device;
import io.thingbus.device.domain.DeviceName;
import io.thingbus.device.domain.DeviceToken;
import io.thingbus.device.domain.Devices;
import io.thingbus.device.domain.Provisioning;
import io.thingbus.device.domain.SubdeviceLink;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Devices in table {@code devices}, keyed by (user_id, device_id), read together with their row in
 * {@code subdevice_links} when they have one and the channels of table {@code channels} associated with them.
 * {@code channel_id} is the chosen channel (NULL = the default channel), a foreign key into {@code channels}.
 * Deleting a device deletes its attributes, link and claiming window (foreign keys with {@code ON DELETE CASCADE}).
 */
final class JdbcDevices implements Devices {

    private static final String COLUMNS =
            "user_id, device_id, name, device_token, channel_id, provisioning, created_at, updated_at, version";
    private static final String SELECT = "SELECT d.user_id, d.device_id, d.name, d.device_token, d.channel_id, "
            + "d.provisioning, d.created_at, d.updated_at, d.version, l.gateway_user_id, l.gateway_id, "
            + "l.gateway_client_id, l.connection_id, l.connected, l.last_seen_at, "
            + "ARRAY(SELECT c.channel_id FROM channels c WHERE c.user_id = d.user_id AND c.device_id = d.device_id "
            + "ORDER BY c.channel_id COLLATE \"C\") AS associated_channels "
            + "FROM devices d LEFT JOIN subdevice_links l ON l.user_id = d.user_id AND l.device_id = d.device_id";
    private static final String BY_KEY = " WHERE user_id = ? AND device_id = ?";
    private static final String BY_JOINED_KEY = " WHERE d.user_id = ? AND d.device_id = ?";

    private final Sql sql;

    JdbcDevices(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<Device> list(TenantId tenant) {
        return sql.query(SELECT + " WHERE d.user_id = ? ORDER BY d.device_id", JdbcDevices::read, tenant.value());
    }

    @Override
    public List<Device> subdevicesOf(TenantId tenant, DeviceId gateway) {
        return sql.query(SELECT + " WHERE l.user_id = ? AND l.gateway_id = ? AND l.gateway_user_id = l.user_id "
                + "ORDER BY d.device_id", JdbcDevices::read, tenant.value(), gateway.value());
    }

    @Override
    public Optional<Device> find(DeviceKey key) {
        return sql.queryOne(SELECT + BY_JOINED_KEY, JdbcDevices::read, key.tenant().value(), key.device().value());
    }

    @Override
    public Optional<Device> findForUpdate(DeviceKey key) {
        return sql.queryOne(SELECT + BY_JOINED_KEY + " FOR UPDATE OF d", JdbcDevices::read,
                key.tenant().value(), key.device().value());
    }

    @Override
    public List<Device> choosingForUpdate(TenantId tenant, ChannelId channel) {
        return sql.query(SELECT + " WHERE d.user_id = ? AND d.channel_id = ? ORDER BY d.device_id FOR UPDATE OF d",
                JdbcDevices::read, tenant.value(), channel.value());
    }

    @Override
    public List<Device> usingTokenForUpdate(TenantId tenant, DeviceToken token) {
        return sql.query(SELECT + " WHERE d.user_id = ? AND d.device_token = ? ORDER BY d.device_id FOR UPDATE OF d",
                JdbcDevices::read, tenant.value(), token.value());
    }

    @Override
    public boolean insert(Device device) {
        return sql.update("INSERT INTO devices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (user_id, device_id) DO NOTHING",
                device.key().tenant().value(), device.key().device().value(), device.name().value(),
                device.token().map(DeviceToken::value).orElse(null), chosenChannel(device),
                device.provisioning().wireName(), device.createdAt(), device.updatedAt(), device.version()) == 1;
    }

    @Override
    public void update(Device device) {
        sql.update("UPDATE devices SET name = ?, device_token = ?, channel_id = ?, updated_at = ?, version = ?"
                        + BY_KEY,
                device.name().value(), device.token().map(DeviceToken::value).orElse(null), chosenChannel(device),
                device.updatedAt(), device.version(), device.key().tenant().value(), device.key().device().value());
    }

    @Override
    public boolean delete(DeviceKey key) {
        return sql.update("DELETE FROM devices" + BY_KEY, key.tenant().value(), key.device().value()) == 1;
    }


    private static Device read(ResultSet row) throws SQLException {
        return new Device(
                DeviceKey.of(TenantId.of(row.getString("user_id")), DeviceId.of(row.getString("device_id"))),
                DeviceName.of(row.getString("name")),
                Optional.ofNullable(row.getString("device_token")).map(DeviceToken::of),
                Optional.ofNullable(row.getString("channel_id")).map(ChannelId::of),
                Provisioning.fromWireName(row.getString("provisioning")),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"),
                row.getLong("version"),
                link(row),
                associatedChannels(row));
    }

    private static String chosenChannel(Device device) {
        return device.chosenChannel().map(ChannelId::value).orElse(null);
    }

    private static List<ChannelId> associatedChannels(ResultSet row) throws SQLException {
        Array channels = row.getArray("associated_channels");
        try {
            return Arrays.stream((String[]) channels.getArray()).map(ChannelId::of).toList();
        } finally {
            channels.free();
        }
    }

    private static Optional<SubdeviceLink> link(ResultSet row) throws SQLException {
        String gateway = row.getString("gateway_id");
        if (gateway == null) {
            return Optional.empty();
        }
        return Optional.of(new SubdeviceLink(TenantId.of(row.getString("gateway_user_id")), DeviceId.of(gateway),
                row.getString("gateway_client_id"), row.getString("connection_id"), row.getBoolean("connected"),
                Sql.instant(row, "last_seen_at")));
    }
}
