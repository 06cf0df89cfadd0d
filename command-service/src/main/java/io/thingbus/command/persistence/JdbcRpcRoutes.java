package io.thingbus.command.persistence;

import io.thingbus.command.domain.GatewayRoute;
import io.thingbus.command.domain.RpcRoutes;
import io.thingbus.command.domain.StoreUnavailableException;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link RpcRoutes} on the tables {@code subdevice_connections}, {@code sessions}, {@code gateway_devices}. A device is
 * looked up by its owner's key ({@code device_tenant}, {@code device_id}); the gateway session that carries it
 * ({@code tenant}, {@code client_id}) may be another tenant's, the device's former owner's. Thread-safe.
 */
@Singleton
public class JdbcRpcRoutes implements RpcRoutes {

    /**
     * Sub-device rows of the gateway's current connection only, as {@code c}; the session is the gateway's (its own
     * tenant), which need not be the device owner's {@code c.device_tenant}.
     */
    static final String LIVE_SUBDEVICE = "FROM subdevice_connections c JOIN sessions s ON s.tenant = c.tenant "
            + "AND s.client_id = c.client_id AND s.connection_id = c.connection_id";
    private static final String CURRENT_ROUTE = "SELECT c.client_id, c.gateway_id " + LIVE_SUBDEVICE
            + " WHERE c.device_tenant = ? AND c.device_id = ? ORDER BY c.connected_at DESC, c.client_id LIMIT 1";
    private static final String BEHIND_GATEWAY = "SELECT 1 FROM gateway_devices WHERE tenant = ? AND device_id = ?";

    private final DataSource dataSource;

    @Inject
    public JdbcRpcRoutes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<GatewayRoute> currentRoute(DeviceKey device) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = deviceQuery(connection, CURRENT_ROUTE, device);
             ResultSet rows = statement.executeQuery()) {
            return rows.next()
                    ? Optional.of(new GatewayRoute(rows.getString(1), DeviceId.of(rows.getString(2))))
                    : Optional.empty();
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read sub-device connections", e);
        }
    }

    @Override
    public boolean isBehindGateway(DeviceKey device) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = deviceQuery(connection, BEHIND_GATEWAY, device);
             ResultSet rows = statement.executeQuery()) {
            return rows.next();
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read gateway devices", e);
        }
    }

    private static PreparedStatement deviceQuery(Connection connection, String sql, DeviceKey device)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, device.tenant().value());
        statement.setString(2, device.device().value());
        return statement;
    }
}
