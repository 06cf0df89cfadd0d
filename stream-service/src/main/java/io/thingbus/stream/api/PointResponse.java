package io.thingbus.stream.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.stream.domain.StoredPoint;
import io.thingbus.stream.domain.Tag;

/** One point of a stream page: {@code {"time":"2026-11-21T22:01:02.123Z","tag":null,"values":{...}}}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PointResponse(
        @JsonProperty("time") String time,
        @JsonProperty("tag") String tag,
        @JsonProperty("values") JsonNode values) {

    static PointResponse of(StoredPoint point) {
        return new PointResponse(point.time().toString(), point.tag().map(Tag::value).orElse(null),
                point.values().asJson());
    }
}
