package io.thingbus.device.persistence;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.ClaimWindow;
import io.thingbus.device.domain.Claims;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Claiming windows in table {@code claim_windows}, claimed-away devices in {@code claimed_away}. */
final class JdbcClaims implements Claims {

    private final Sql sql;

    JdbcClaims(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean open(ClaimWindow window) {
        return sql.update("INSERT INTO claim_windows (user_id, device_id, secret_hash, opened_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, device_id) DO UPDATE SET "
                        + "secret_hash = EXCLUDED.secret_hash, opened_at = EXCLUDED.opened_at, "
                        + "expires_at = EXCLUDED.expires_at WHERE claim_windows.opened_at <= EXCLUDED.opened_at",
                window.device().tenant().value(), window.device().device().value(), window.secretHash().value(),
                window.openedAt(), window.expiresAt()) == 1;
    }

    @Override
    public List<ClaimWindow> openWindows(DeviceId device, SecretHash secretHash, Instant now, TenantId claimer) {
        return sql.query("SELECT user_id, device_id, secret_hash, opened_at, expires_at FROM claim_windows "
                        + "WHERE device_id = ? AND secret_hash = ? AND expires_at > ? AND user_id <> ? "
                        + "ORDER BY user_id FOR UPDATE", JdbcClaims::read,
                device.value(), secretHash.value(), now, claimer.value());
    }

    @Override
    public void markClaimedAway(DeviceKey formerDevice, TenantId claimer, Instant at) {
        sql.update("INSERT INTO claimed_away (user_id, device_id, claimed_by, claimed_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (user_id, device_id) DO UPDATE SET claimed_by = EXCLUDED.claimed_by, "
                        + "claimed_at = EXCLUDED.claimed_at",
                formerDevice.tenant().value(), formerDevice.device().value(), claimer.value(), at);
    }

    @Override
    public boolean unmarkClaimedAway(DeviceKey device) {
        return sql.update("DELETE FROM claimed_away WHERE user_id = ? AND device_id = ?",
                device.tenant().value(), device.device().value()) == 1;
    }

    @Override
    public List<DeviceKey> releaseClaimsOn(DeviceKey claimedDevice) {
        List<DeviceKey> released = sql.query("DELETE FROM claimed_away WHERE device_id = ? AND claimed_by = ? "
                        + "RETURNING user_id, device_id", JdbcClaims::formerDevice,
                claimedDevice.device().value(), claimedDevice.tenant().value());
        return released.stream().sorted(Comparator.comparing(DeviceKey::asString)).toList();
    }

    @Override
    public boolean isClaimedAway(DeviceKey device) {
        return sql.queryOne("SELECT 1 FROM claimed_away WHERE user_id = ? AND device_id = ?", row -> true,
                device.tenant().value(), device.device().value()).isPresent();
    }

    private static DeviceKey formerDevice(ResultSet row) throws SQLException {
        return DeviceKey.of(TenantId.of(row.getString("user_id")), DeviceId.of(row.getString("device_id")));
    }

    private static ClaimWindow read(ResultSet row) throws SQLException {
        return new ClaimWindow(
                DeviceKey.of(TenantId.of(row.getString("user_id")), DeviceId.of(row.getString("device_id"))),
                SecretHash.parse(row.getString("secret_hash")),
                Sql.instant(row, "opened_at"),
                Sql.instant(row, "expires_at"));
    }
}
