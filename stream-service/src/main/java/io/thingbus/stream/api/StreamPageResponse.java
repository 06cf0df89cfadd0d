package io.thingbus.stream.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.thingbus.stream.domain.PageCursor;
import io.thingbus.stream.domain.StreamPage;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /stream/{channel_id}}. Times are ISO-8601 instants in UTC. {@code next} is the
 * {@code X-STARTTIME} that asks for the following page, or null on the last page.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StreamPageResponse(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("start") String start,
        @JsonProperty("end") String end,
        @JsonProperty("count") int count,
        @JsonProperty("points") List<PointResponse> points,
        @JsonProperty("next") String next) {

    static StreamPageResponse of(StreamPage page) {
        List<PointResponse> points = page.points().stream().map(PointResponse::of).toList();
        return new StreamPageResponse(
                page.channel().id().value(),
                page.channel().device().value(),
                page.start().map(Instant::toString).orElse(null),
                page.end().toString(),
                points.size(),
                points,
                page.next().map(PageCursor::encode).orElse(null));
    }
}
