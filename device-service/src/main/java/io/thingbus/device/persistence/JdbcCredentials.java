package io.thingbus.device.persistence;

import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.Credentials;
import io.thingbus.device.domain.DeviceToken;
import java.time.Instant;
import java.util.Optional;

/** API key hashes in {@code api_keys}, device tokens in {@code device_tokens}. */
final class JdbcCredentials implements Credentials {

    private final Sql sql;

    JdbcCredentials(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean addApiKey(TenantId owner, SecretHash keyHash, Instant createdAt) {
        return sql.update("INSERT INTO api_keys (key_hash, user_id, created_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (key_hash) DO NOTHING", keyHash.value(), owner.value(), createdAt) == 1;
    }

    @Override
    public boolean removeApiKey(TenantId owner, SecretHash keyHash) {
        return sql.update("DELETE FROM api_keys WHERE key_hash = ? AND user_id = ?",
                keyHash.value(), owner.value()) == 1;
    }

    @Override
    public boolean addDeviceToken(TenantId owner, DeviceToken token, Instant createdAt) {
        return sql.update("INSERT INTO device_tokens (token, token_hash, user_id, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", token.value(), token.hash().value(), owner.value(), createdAt) == 1;
    }

    @Override
    public boolean removeDeviceToken(TenantId owner, DeviceToken token) {
        return sql.update("DELETE FROM device_tokens WHERE token = ? AND user_id = ?",
                token.value(), owner.value()) == 1;
    }

    @Override
    public boolean ownsDeviceToken(TenantId owner, DeviceToken token) {
        return sql.queryOne("SELECT 1 FROM device_tokens WHERE token = ? AND user_id = ?", row -> true,
                token.value(), owner.value()).isPresent();
    }

    @Override
    public Optional<DeviceToken> firstDeviceToken(TenantId owner) {
        return sql.queryOne("SELECT token FROM device_tokens WHERE user_id = ? ORDER BY created_at, token LIMIT 1",
                row -> DeviceToken.of(row.getString("token")), owner.value());
    }

    @Override
    public Optional<DeviceToken> deviceTokenByHash(TenantId owner, SecretHash tokenHash) {
        return sql.queryOne("SELECT token FROM device_tokens WHERE user_id = ? AND token_hash = ?",
                row -> DeviceToken.of(row.getString("token")), owner.value(), tokenHash.value());
    }
}
