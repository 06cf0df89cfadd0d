package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * A device (or its gateway) opens a claiming window, on {@link Topics#DEVICE_REQUESTS}: within it, another user who
 * knows the secret may claim the device. Key: {@link DeviceKey}. Type: {@value #TYPE}. The secret travels only as
 * its hash (an absent secret is the empty string's hash).
 *
 * @param durationMs how long the window stays open; null = the platform's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimRequestRecord(
        @JsonProperty("tenant") TenantId tenant,
        @JsonProperty("device_id") DeviceId deviceId,
        @JsonProperty("secret_hash") SecretHash secretHash,
        @JsonProperty("duration_ms") Long durationMs,
        @JsonProperty("gateway_id") DeviceId gatewayId,
        @JsonProperty("at") Instant at) {

    public static final String TYPE = "io.thingbus.claim-request.v1";
    public static final JsonRecordCodec<ClaimRequestRecord> CODEC = JsonRecordCodec.of(ClaimRequestRecord.class);

    @JsonCreator
    public ClaimRequestRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(deviceId, "device_id");
        Objects.requireNonNull(secretHash, "secret_hash");
        if (durationMs != null && durationMs <= 0) {
            throw new IllegalArgumentException("duration_ms must be positive");
        }
        Objects.requireNonNull(at, "at");
    }

    public DeviceKey key() {
        return DeviceKey.of(tenant, deviceId);
    }
}
