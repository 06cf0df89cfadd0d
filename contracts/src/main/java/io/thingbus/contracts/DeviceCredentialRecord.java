package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * A device token that the MQTT edge accepts, on the compacted topic {@link Topics#DEVICE_CREDENTIALS}.
 * Key: the token's {@link SecretHash}. A tombstone (null value) revokes the token. Type: {@value #TYPE}.
 * The token itself never travels; the broker hashes the MQTT password and looks the hash up.
 */
public record DeviceCredentialRecord(
        @JsonProperty("token_hash") SecretHash tokenHash,
        @JsonProperty("tenant") TenantId tenant,
        @JsonProperty("created_at") Instant createdAt) {

    public static final String TYPE = "io.thingbus.device-credential.v1";
    public static final JsonRecordCodec<DeviceCredentialRecord> CODEC = JsonRecordCodec.of(DeviceCredentialRecord.class);

    @JsonCreator
    public DeviceCredentialRecord {
        Objects.requireNonNull(tokenHash, "token_hash");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(createdAt, "created_at");
    }

    public String key() {
        return tokenHash.value();
    }
}
