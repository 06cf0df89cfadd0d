package io.thingbus.stream.persistence;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import io.thingbus.stream.domain.DeviceChange;
import io.thingbus.stream.domain.DeviceDirectory;
import io.thingbus.stream.domain.StoreUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** {@link DeviceDirectory} on table {@code devices}. Thread-safe. */
@Singleton
public class JdbcDeviceDirectory implements DeviceDirectory {

    private static final String CONTAINS = "SELECT 1 FROM devices WHERE tenant = ? AND device_id = ?";
    private static final String UPSERT = """
            INSERT INTO devices (tenant, device_id, channel_id, updated_at) VALUES (?, ?, ?, now())
            ON CONFLICT (tenant, device_id) DO UPDATE SET channel_id = EXCLUDED.channel_id, updated_at = now()""";
    private static final String DELETE = "DELETE FROM devices WHERE tenant = ? AND device_id = ?";

    private final DataSource dataSource;

    @Inject
    public JdbcDeviceDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean contains(TenantId tenant, DeviceId device) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(CONTAINS)) {
            select.setString(1, tenant.value());
            select.setString(2, device.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read devices", e);
        }
    }

    @Override
    public void apply(List<DeviceChange> changes) {
        Map<DeviceKey, DeviceChange> latest = new LinkedHashMap<>();
        changes.forEach(change -> latest.put(change.key(), change));
        try (Connection connection = dataSource.getConnection()) {
            JdbcTransaction.run(connection, c -> {
                write(c, latest.values().stream().filter(DeviceChange.Registered.class::isInstance).toList());
                write(c, latest.values().stream().filter(DeviceChange.Removed.class::isInstance).toList());
                return null;
            });
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot write devices", e);
        }
    }

    /** One batch of changes of one kind; only the latest change per device is given, so the order does not matter. */
    private static void write(Connection connection, List<DeviceChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        boolean registered = changes.get(0) instanceof DeviceChange.Registered;
        try (PreparedStatement statement = connection.prepareStatement(registered ? UPSERT : DELETE)) {
            for (DeviceChange change : changes) {
                statement.setString(1, change.key().tenant().value());
                statement.setString(2, change.key().device().value());
                if (change instanceof DeviceChange.Registered device) {
                    statement.setString(3, device.channel().value());
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
