package io.thingbus.command.persistence;

import io.thingbus.command.domain.DownlinkSubscription;
import io.thingbus.command.domain.SessionDirectory;
import io.thingbus.command.domain.StoreUnavailableException;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link SessionDirectory} on the tables {@code sessions} and {@code downlink_subscriptions}. Thread-safe. */
@Singleton
public class JdbcSessionDirectory implements SessionDirectory {

    private static final String CANDIDATES = "SELECT s.client_id, s.token_hash, d.device_id "
            + "FROM downlink_subscriptions d JOIN sessions s ON s.tenant = d.tenant AND s.client_id = d.client_id "
            + "WHERE d.tenant = ? AND d.device_id IN (?, ?)";

    private final DataSource dataSource;

    @Inject
    public JdbcSessionDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<DownlinkSubscription> candidatesFor(DeviceKey device) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(CANDIDATES)) {
            statement.setString(1, device.tenant().value());
            statement.setString(2, device.device().value());
            statement.setString(3, SessionSubscription.ALL_DEVICES);
            try (ResultSet rows = statement.executeQuery()) {
                List<DownlinkSubscription> candidates = new ArrayList<>();
                while (rows.next()) {
                    candidates.add(new DownlinkSubscription(rows.getString(1),
                            Optional.ofNullable(rows.getString(2)).map(SecretHash::parse), rows.getString(3)));
                }
                return candidates;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read sessions", e);
        }
    }
}
