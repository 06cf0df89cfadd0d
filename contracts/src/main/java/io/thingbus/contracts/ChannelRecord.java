package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The latest state of one channel, on the compacted topic {@link Topics#CHANNELS}. Key: {@link #key()} =
 * {@code <tenant>/<channel id>}. A tombstone (null value) means the channel was deleted. Type: {@value #TYPE}.
 *
 * @param deviceId the device the channel is associated with
 * @param tags the tag names known in the channel (declared with {@code X-TAGNAME} or seen in data), sorted
 */
public record ChannelRecord(
        @JsonProperty("tenant") TenantId tenant,
        @JsonProperty("channel_id") ChannelId channelId,
        @JsonProperty("device_id") DeviceId deviceId,
        @JsonProperty("name") String name,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    public static final String TYPE = "io.thingbus.channel.v1";
    public static final JsonRecordCodec<ChannelRecord> CODEC = JsonRecordCodec.of(ChannelRecord.class);

    @JsonCreator
    public ChannelRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channelId, "channel_id");
        Objects.requireNonNull(deviceId, "device_id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(updatedAt, "updated_at");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static String key(TenantId tenant, ChannelId channel) {
        return tenant.value() + "/" + channel.value();
    }

    public String key() {
        return key(tenant, channelId);
    }
}
