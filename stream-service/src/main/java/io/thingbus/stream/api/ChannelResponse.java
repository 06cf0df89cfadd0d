package io.thingbus.stream.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.thingbus.stream.domain.Channel;

/** One channel of {@code GET /channel}. */
public record ChannelResponse(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("created_at") String createdAt) {

    static ChannelResponse of(Channel channel) {
        return new ChannelResponse(channel.id().value(), channel.device().value(), channel.createdAt().toString());
    }
}
