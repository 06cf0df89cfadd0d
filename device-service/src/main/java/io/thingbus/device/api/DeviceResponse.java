package io.thingbus.device.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.thingbus.contracts.ChannelId;
import io.thingbus.device.domain.Device;
import io.thingbus.device.domain.DeviceToken;
import io.thingbus.device.domain.SubdeviceLink;
import java.time.Instant;
import java.util.List;

/**
 * A device as ThingScale shows it. {@code channel_id} is the channel its telemetry goes to
 * ({@code GET /stream/{channel_id}}): the one the user chose, else the device's default channel; {@code channels} are
 * the default channel followed by the caller's channels associated with the device (by channel id);
 * {@code device_token} is null when the device has none. For a gateway's sub-device, {@code gateway_id} is the gateway
 * that announced it last, {@code connected} whether it is connected through that gateway now and
 * {@code last_seen_at} when it last connected or disconnected; all three are null for devices no gateway announced.
 * A device the caller claimed from another user may still be carried by that user's gateway: {@code gateway_id} is
 * then that gateway's id, and who owns the gateway is not shown.
 */
@JsonPropertyOrder({"device_id", "name", "channel_id", "channels", "device_token", "provisioning", "created_at",
        "updated_at", "gateway_id", "connected", "last_seen_at"})
public record DeviceResponse(
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("name") String name,
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("channels") List<String> channels,
        @JsonProperty("device_token") String deviceToken,
        @JsonProperty("provisioning") String provisioning,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("gateway_id") String gatewayId,
        @JsonProperty("connected") Boolean connected,
        @JsonProperty("last_seen_at") Instant lastSeenAt) {

    static DeviceResponse of(Device device) {
        SubdeviceLink link = device.gateway().orElse(null);
        return new DeviceResponse(device.key().device().value(), device.name().value(), device.channel().value(),
                device.channels().stream().map(ChannelId::value).toList(),
                device.token().map(DeviceToken::value).orElse(null), device.provisioning().wireName(),
                device.createdAt(), device.updatedAt(),
                link == null ? null : link.gatewayId().value(),
                link == null ? null : link.connected(),
                link == null ? null : link.lastSeenAt());
    }
}
