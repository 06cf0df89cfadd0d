package io.thingbus.event.persistence;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import io.thingbus.event.domain.ChannelChange;
import io.thingbus.event.domain.ChannelDirectory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link ChannelDirectory} on table {@code known_channels}. Thread-safe. */
@Singleton
public class JdbcChannelDirectory implements ChannelDirectory {

    private static final String FIND = "SELECT device_id FROM known_channels WHERE tenant = ? AND channel_id = ?";
    private static final String UPSERT = "INSERT INTO known_channels (tenant, channel_id, device_id, updated_at) "
            + "VALUES (?, ?, ?, now()) ON CONFLICT (tenant, channel_id) "
            + "DO UPDATE SET device_id = excluded.device_id, updated_at = excluded.updated_at";
    private static final String REMOVE = "DELETE FROM known_channels WHERE tenant = ? AND device_id = ?";

    private final JdbcTransactions transactions;

    @Inject
    public JdbcChannelDirectory(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public Optional<DeviceId> deviceOf(TenantId tenant, ChannelId channel) {
        return transactions.run("read channels", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setString(1, tenant.value());
                statement.setString(2, channel.value());
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(DeviceId.of(rows.getString(1))) : Optional.<DeviceId>empty();
                }
            }
        });
    }

    @Override
    public void apply(List<ChannelChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        transactions.run("store channels", connection -> {
            for (ChannelChange change : changes) {
                apply(connection, change);
            }
            return changes.size();
        });
    }

    private static void apply(Connection connection, ChannelChange change) throws SQLException {
        try (PreparedStatement removal = connection.prepareStatement(REMOVE)) {
            removal.setString(1, change.tenant().value());
            removal.setString(2, change.device().value());
            removal.executeUpdate();
        }
        if (change instanceof ChannelChange.Registered registered) {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, registered.tenant().value());
                upsert.setString(2, registered.channel().value());
                upsert.setString(3, registered.device().value());
                upsert.executeUpdate();
            }
        }
    }
}
