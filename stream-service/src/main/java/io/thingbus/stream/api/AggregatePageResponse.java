package io.thingbus.stream.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.stream.domain.AggregatePage;
import io.thingbus.stream.domain.Bucket;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /stream/{channel_id}?aggregate=...&interval=...}: one row per interval that holds points,
 * {@code {"time": <interval start>, "values": {<field>: <aggregated value>}}}. Values are exact decimals without
 * trailing zeros ({@code 21.5}, {@code 20}). {@code next} is the {@code X-STARTTIME} of the following page (a time), or
 * null on the last page.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AggregatePageResponse(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("start") String start,
        @JsonProperty("end") String end,
        @JsonProperty("aggregate") String aggregate,
        @JsonProperty("interval") String interval,
        @JsonProperty("count") int count,
        @JsonProperty("points") List<Row> points,
        @JsonProperty("next") String next) {

    /** One interval: its start and the aggregated value of each numeric field. */
    public record Row(@JsonProperty("time") String time, @JsonProperty("values") ObjectNode values) {

        static Row of(Bucket bucket) {
            ObjectNode values = JsonNodeFactory.instance.objectNode();
            bucket.values().forEach((field, value) -> values.put(field, plain(value)));
            return new Row(bucket.time().toString(), values);
        }

        private static BigDecimal plain(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }

    static AggregatePageResponse of(AggregatePage page) {
        List<Row> rows = page.buckets().stream().map(Row::of).toList();
        return new AggregatePageResponse(
                page.channel().id().value(),
                page.channel().device().value(),
                page.query().start().toString(),
                page.query().end().toString(),
                page.query().aggregation().wireName(),
                page.query().interval().text(),
                rows.size(),
                rows,
                page.next().map(Instant::toString).orElse(null));
    }
}
