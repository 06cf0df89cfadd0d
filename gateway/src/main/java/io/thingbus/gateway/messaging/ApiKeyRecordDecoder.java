package io.thingbus.gateway.messaging;

import io.thingbus.contracts.ApiKeyRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.SecretHash;
import io.thingbus.gateway.domain.ApiKeyChange;

/** Reads one record of the API-key topic: key = the key's {@link SecretHash}, value = {@link ApiKeyRecord} or null. */
final class ApiKeyRecordDecoder {

    private ApiKeyRecordDecoder() {
    }

    /**
     * @param key the record key, may be null (then the record is malformed)
     * @param value the record value; null is a tombstone, which revokes the key
     * @throws MalformedRecordException when the key is not a hash, the value is not an API-key record, or the value's
     *     {@code key_hash} is not the record key
     */
    static ApiKeyChange decode(String key, byte[] value) {
        SecretHash hash = hashOf(key);
        if (value == null) {
            return ApiKeyChange.revoke(hash);
        }
        ApiKeyRecord record = ApiKeyRecord.CODEC.decode(value);
        if (!record.keyHash().equals(hash)) {
            throw new MalformedRecordException("key_hash " + record.keyHash() + " differs from the record key " + hash);
        }
        return ApiKeyChange.issue(record);
    }

    private static SecretHash hashOf(String key) {
        if (key == null) {
            throw new MalformedRecordException("API-key record without a key");
        }
        try {
            return SecretHash.parse(key);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("API-key record key is not a SHA-256 hex digest", e);
        }
    }
}
