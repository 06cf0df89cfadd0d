package io.thingbus.device.persistence;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.Channels;
import java.util.List;

/**
 * The tenants' channels in table {@code channels}, keyed by (user_id, channel_id). {@code devices.channel_id} refers to
 * it (a foreign key), so removing a channel a device still chose fails with a {@link StorageException}.
 */
final class JdbcChannels implements Channels {

    private final Sql sql;

    JdbcChannels(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void put(TenantId tenant, ChannelId channel, DeviceId device) {
        sql.update("INSERT INTO channels (user_id, channel_id, device_id) VALUES (?, ?, ?) "
                        + "ON CONFLICT (user_id, channel_id) DO UPDATE SET device_id = EXCLUDED.device_id "
                        + "WHERE channels.device_id <> EXCLUDED.device_id",
                tenant.value(), channel.value(), device.value());
    }

    @Override
    public boolean remove(TenantId tenant, ChannelId channel) {
        return sql.update("DELETE FROM channels WHERE user_id = ? AND channel_id = ?",
                tenant.value(), channel.value()) == 1;
    }

    @Override
    public boolean lockIfExists(TenantId tenant, ChannelId channel) {
        return sql.queryOne("SELECT 1 FROM channels WHERE user_id = ? AND channel_id = ? FOR SHARE",
                row -> Boolean.TRUE, tenant.value(), channel.value()).isPresent();
    }

    @Override
    public List<ChannelId> associatedWith(DeviceKey device) {
        return sql.query("SELECT channel_id FROM channels WHERE user_id = ? AND device_id = ? "
                        + "ORDER BY channel_id COLLATE \"C\"",
                row -> ChannelId.of(row.getString("channel_id")),
                device.tenant().value(), device.device().value());
    }
}
