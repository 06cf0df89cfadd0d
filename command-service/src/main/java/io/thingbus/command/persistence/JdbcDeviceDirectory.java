package io.thingbus.command.persistence;

import io.thingbus.command.domain.DeviceDirectory;
import io.thingbus.command.domain.KnownDevice;
import io.thingbus.command.domain.StoreUnavailableException;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link DeviceDirectory} on the {@code devices} table. Thread-safe. */
@Singleton
public class JdbcDeviceDirectory implements DeviceDirectory {

    private static final String FIND = "SELECT token_hash FROM devices WHERE tenant = ? AND device_id = ?";

    private final DataSource dataSource;

    @Inject
    public JdbcDeviceDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<KnownDevice> find(DeviceKey key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setString(1, key.tenant().value());
            statement.setString(2, key.device().value());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new KnownDevice(key, Optional.ofNullable(rows.getString(1)).map(SecretHash::parse)));
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read devices", e);
        }
    }
}
