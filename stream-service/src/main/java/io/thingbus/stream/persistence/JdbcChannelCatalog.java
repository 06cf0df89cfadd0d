package io.thingbus.stream.persistence;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import io.thingbus.stream.domain.Channel;
import io.thingbus.stream.domain.ChannelCatalog;
import io.thingbus.stream.domain.StoreUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link ChannelCatalog} on the {@code channels} table. Thread-safe. */
@Singleton
public class JdbcChannelCatalog implements ChannelCatalog {

    private static final String SELECT = "SELECT tenant, channel_id, device_id, created_at FROM channels WHERE tenant = ?";
    private static final String FIND = SELECT + " AND channel_id = ?";
    private static final String LIST = SELECT + " ORDER BY created_at, channel_id";

    private final DataSource dataSource;

    @Inject
    public JdbcChannelCatalog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Channel> find(TenantId tenant, ChannelId channel) {
        return query(FIND, tenant, channel).stream().findFirst();
    }

    @Override
    public List<Channel> list(TenantId tenant) {
        return query(LIST, tenant, null);
    }

    private List<Channel> query(String sql, TenantId tenant, ChannelId channel) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant.value());
            if (channel != null) {
                statement.setString(2, channel.value());
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Channel> channels = new ArrayList<>();
                while (rows.next()) {
                    channels.add(channelOf(rows));
                }
                return channels;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read channels", e);
        }
    }

    private static Channel channelOf(ResultSet row) throws SQLException {
        return new Channel(
                TenantId.of(row.getString(1)),
                ChannelId.of(row.getString(2)),
                DeviceId.of(row.getString(3)),
                row.getObject(4, OffsetDateTime.class).toInstant());
    }
}
