package io.thingbus.broker.messaging;

import io.thingbus.broker.domain.DeviceCredentials;
import io.thingbus.contracts.DeviceCredentialRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.SecretHash;
import java.nio.charset.StandardCharsets;

/**
 * Applies one record of the compacted credentials topic to the local {@link DeviceCredentials}: key = the token's
 * {@link SecretHash} (UTF-8), value = a {@link DeviceCredentialRecord} (JSON) that grants the token to its tenant, or
 * null (a tombstone) that revokes it.
 */
final class CredentialRecords {

    private CredentialRecords() {
    }

    /**
     * @throws MalformedRecordException when the key is not a hash, the value not a credential record, or the record's
     *         {@code token_hash} differs from the key; {@code credentials} is then unchanged
     */
    static void apply(byte[] key, byte[] value, DeviceCredentials credentials) {
        SecretHash tokenHash = keyOf(key);
        if (value == null) {
            credentials.revoke(tokenHash);
            return;
        }
        DeviceCredentialRecord record = DeviceCredentialRecord.CODEC.decode(value);
        if (!record.tokenHash().equals(tokenHash)) {
            throw new MalformedRecordException("the record's token_hash differs from its key");
        }
        credentials.grant(tokenHash, record.tenant());
    }

    private static SecretHash keyOf(byte[] key) {
        if (key == null) {
            throw new MalformedRecordException("credential record without key");
        }
        try {
            return SecretHash.parse(new String(key, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("credential record key is not a SHA-256 hex digest", e);
        }
    }
}
