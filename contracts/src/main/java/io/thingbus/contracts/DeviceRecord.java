package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest state of one registered device, on the compacted topic {@link Topics#DEVICES}.
 * Key: {@link DeviceKey}. A tombstone (null value) means the device was deleted. Type: {@value #TYPE}.
 *
 * @param provisioning how the device came to be: {@code api} (created over REST) or {@code auto} (first publish)
 * @param tokenHash the hash of the device token the device uses (its MQTT topic namespace), so a downlink can name
 *     it without the token travelling; null when not known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceRecord(
        @JsonProperty("tenant") TenantId tenant,
        @JsonProperty("device_id") DeviceId deviceId,
        @JsonProperty("name") String name,
        @JsonProperty("channel_id") ChannelId channelId,
        @JsonProperty("provisioning") String provisioning,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("token_hash") SecretHash tokenHash) {

    public static final String TYPE = "io.thingbus.device.v1";
    public static final JsonRecordCodec<DeviceRecord> CODEC = JsonRecordCodec.of(DeviceRecord.class);

    @JsonCreator
    public DeviceRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(deviceId, "device_id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channelId, "channel_id");
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(updatedAt, "updated_at");
    }

    /** A record without a token hash. */
    public DeviceRecord(TenantId tenant, DeviceId deviceId, String name, ChannelId channelId, String provisioning,
            Instant createdAt, Instant updatedAt) {
        this(tenant, deviceId, name, channelId, provisioning, createdAt, updatedAt, null);
    }

    public DeviceKey key() {
        return DeviceKey.of(tenant, deviceId);
    }
}
