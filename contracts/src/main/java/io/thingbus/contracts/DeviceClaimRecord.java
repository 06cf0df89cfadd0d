package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * Another user claimed a device away from its owner, on the compacted topic {@link Topics#DEVICE_CLAIMS}.
 * Key: the former {@link DeviceKey} ({@code <tenant>/<device id>}). Type: {@value #TYPE}. Written by device-service.
 *
 * <p>The claimer owns the device from then on, but the device usually still reaches the platform through its former
 * owner's gateway, under the former owner's credentials: the broker reads this topic to put what that gateway sends
 * for the device under the claimer's account, and to let the claimer's downlinks for the device reach that gateway.
 * A tombstone (null value) means the former owner has the device again (it registered it anew); what its gateway
 * sends for the device is the former owner's again. When the claimer gives the device on, a record keyed by the
 * claimer says so: follow {@code claimed_by} to the current owner.
 *
 * @param tenant the former owner
 * @param claimedBy the user who claimed the device
 */
public record DeviceClaimRecord(
        @JsonProperty("tenant") TenantId tenant,
        @JsonProperty("device_id") DeviceId deviceId,
        @JsonProperty("claimed_by") TenantId claimedBy,
        @JsonProperty("claimed_at") Instant claimedAt) {

    public static final String TYPE = "io.thingbus.device-claim.v1";
    public static final JsonRecordCodec<DeviceClaimRecord> CODEC = JsonRecordCodec.of(DeviceClaimRecord.class);

    @JsonCreator
    public DeviceClaimRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(deviceId, "device_id");
        Objects.requireNonNull(claimedBy, "claimed_by");
        Objects.requireNonNull(claimedAt, "claimed_at");
        if (tenant.equals(claimedBy)) {
            throw new IllegalArgumentException("a user cannot claim a device from itself");
        }
    }

    /** The former device key, the record's Kafka key. */
    public DeviceKey key() {
        return DeviceKey.of(tenant, deviceId);
    }

    /** The device as the claimer owns it. */
    public DeviceKey claimedDevice() {
        return DeviceKey.of(claimedBy, deviceId);
    }
}
