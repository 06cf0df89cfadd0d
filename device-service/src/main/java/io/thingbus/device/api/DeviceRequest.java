package io.thingbus.device.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST} and {@code PUT /device/{device_id}}; every field is optional. On creation an absent name is
 * the device id, an absent token the user's first device token and an absent channel the device's default channel;
 * on update an absent field stays as it is, and {@code "channel_id": null} sends the telemetry back to the default
 * channel.
 */
@JsonPropertyOrder({"name", "device_token", "channel_id"})
public record DeviceRequest(
        @JsonProperty("name") String name,
        @JsonProperty("device_token") String deviceToken,
        @Schema(nullable = true, description = "the channel the device's telemetry goes to: one of the caller's "
                + "channels; null = the device's default channel")
        @JsonProperty("channel_id") String channelId) {

    /** The JSON field that names the channel. */
    static final String CHANNEL_ID = "channel_id";
}
