package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * An API key that the REST gateway accepts, on the compacted topic {@link Topics#API_KEYS}.
 * Key: the API key's {@link SecretHash}. A tombstone (null value) revokes the key. Type: {@value #TYPE}.
 *
 * @param plan the tenant's plan name, which decides its rate limits at the gateway
 */
public record ApiKeyRecord(
        @JsonProperty("key_hash") SecretHash keyHash,
        @JsonProperty("tenant") TenantId tenant,
        @JsonProperty("plan") String plan,
        @JsonProperty("created_at") Instant createdAt) {

    public static final String TYPE = "io.thingbus.api-key.v1";
    public static final JsonRecordCodec<ApiKeyRecord> CODEC = JsonRecordCodec.of(ApiKeyRecord.class);

    @JsonCreator
    public ApiKeyRecord {
        Objects.requireNonNull(keyHash, "key_hash");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "created_at");
    }

    public String key() {
        return keyHash.value();
    }
}
