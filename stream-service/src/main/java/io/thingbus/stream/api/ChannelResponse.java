package io.thingbus.stream.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.thingbus.stream.domain.Channel;
import io.thingbus.stream.domain.Tag;
import java.util.List;

/**
 * A channel as the Channel service shows it. {@code tags} (sorted) is shown by {@code GET /channel/{channel_id}}, by
 * create and update, and by {@code GET /channel} with {@code X-WITHTAG: true}; otherwise it is absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"channel_id", "device_id", "name", "tags", "created_at", "updated_at"})
public record ChannelResponse(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("name") String name,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {

    static ChannelResponse withTags(Channel channel) {
        return of(channel, channel.tags().stream().map(Tag::value).toList());
    }

    static ChannelResponse withoutTags(Channel channel) {
        return of(channel, null);
    }

    private static ChannelResponse of(Channel channel, List<String> tags) {
        return new ChannelResponse(channel.id().value(), channel.device().value(), channel.name().value(), tags,
                channel.createdAt().toString(), channel.updatedAt().toString());
    }
}
