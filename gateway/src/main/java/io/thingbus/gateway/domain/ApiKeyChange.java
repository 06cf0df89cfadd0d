package io.thingbus.gateway.domain;

import io.thingbus.contracts.ApiKeyRecord;
import io.thingbus.contracts.SecretHash;
import java.util.Map;
import java.util.Objects;

/**
 * One change to the set of valid API keys: a key issued (or re-issued with another plan), or revoked.
 *
 * @param hash the key's hash, never null
 * @param issued the key's record, or null when the key is revoked
 */
public record ApiKeyChange(SecretHash hash, ApiKeyRecord issued) {

    public ApiKeyChange {
        Objects.requireNonNull(hash, "hash");
        if (issued != null && !issued.keyHash().equals(hash)) {
            throw new IllegalArgumentException("the record's key_hash differs from the hash it is filed under");
        }
    }

    public static ApiKeyChange issue(ApiKeyRecord record) {
        return new ApiKeyChange(record.keyHash(), record);
    }

    public static ApiKeyChange revoke(SecretHash hash) {
        return new ApiKeyChange(hash, null);
    }

    public boolean revokes() {
        return issued == null;
    }

    /** Applies this change to a key map: puts the record, or removes the key when revoked. */
    public void applyTo(Map<SecretHash, ApiKeyRecord> keys) {
        if (revokes()) {
            keys.remove(hash);
        } else {
            keys.put(hash, issued);
        }
    }
}
