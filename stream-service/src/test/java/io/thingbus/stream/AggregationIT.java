package io.thingbus.stream;

import static io.thingbus.stream.StreamApi.as;
import static io.thingbus.stream.StreamApi.range;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.thingbus.testing.InfrastructureResource;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Aggregated reads for plotting, checked against points with known values. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class AggregationIT extends TelemetryProducerFixture {

    private static final String START = "2026-11-21 10:00";
    private static final String END = "2026-11-21 10:59";

    private final Telemetry device = new Telemetry();

    /**
     * 10:00 interval: temp 20 and 23.5, humidity 50, state "on" (not a number); 10:01: temp 21 and a nested object;
     * 10:03 (tag kitchen): temp 19. Outside the range: a point at 09:59 and the first telemetry point of 2020.
     */
    @BeforeEach
    void writeKnownPoints() {
        telemetry.send(device.json(Instant.parse("2020-01-01T00:00:00Z"), "{\"temp\":1000}"));
        StreamApi.awaitPointCount(device.tenant, device.channel(), 1);
        as(device.tenant).contentType("application/json").body("""
                [{"time":"2026-11-21T09:59:59.999Z","values":{"temp":-1000}},
                 {"time":"2026-11-21T10:00:10Z","values":{"temp":20,"humidity":50,"state":"on"}},
                 {"time":"2026-11-21T10:00:50Z","values":{"temp":23.5,"state":"off"}},
                 {"time":"2026-11-21T10:01:30Z","values":{"temp":21,"gps":{"lat":35.6}}}]""")
                .post("/stream/{channel_id}", device.channel().value()).then().statusCode(204);
        as(device.tenant).contentType("application/json").header("X-TAGNAME", "kitchen")
                .body("{\"time\":\"2026-11-21T10:03:00Z\",\"values\":{\"temp\":19}}")
                .post("/stream/{channel_id}", device.channel().value()).then().statusCode(204);
    }

    @Test
    void average_perMinute_givesOneRowPerMinuteWithPoints_andLeavesOutNonNumbers() {
        aggregate("avg", "1m")
                .body("aggregate", equalTo("avg"))
                .body("interval", equalTo("1m"))
                .body("start", equalTo("2026-11-21T10:00:00Z"))
                .body("end", equalTo("2026-11-21T10:59:00Z"))
                .body("count", equalTo(3))
                .body("points.time", contains("2026-11-21T10:00:00Z", "2026-11-21T10:01:00Z", "2026-11-21T10:03:00Z"))
                .body("points[0].values.temp", equalTo(21.75f))
                .body("points[0].values.humidity", equalTo(50))
                .body("points[0].values", not(hasKey("state")))
                .body("points[1].values.temp", equalTo(21))
                .body("points[1].values", not(hasKey("gps")))
                .body("points[2].values.temp", equalTo(19))
                .body("next", nullValue());
    }

    @Test
    void minMaxAndCount_overFiveMinutes() {
        aggregate("min", "5m").body("points.time", contains("2026-11-21T10:00:00Z"))
                .body("points[0].values.temp", equalTo(19)).body("points[0].values.humidity", equalTo(50));
        aggregate("max", "5m").body("points[0].values.temp", equalTo(23.5f));
        aggregate("count", "5m").body("points[0].values.temp", equalTo(4))
                .body("points[0].values.humidity", equalTo(1));
    }

    @Test
    void tagName_aggregatesOnlyThatTagsPoints() {
        range(device.tenant, START, END).header("X-TAGNAME", "kitchen")
                .queryParam("aggregate", "max").queryParam("interval", "1h")
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200)
                .body("points.time", contains("2026-11-21T10:00:00Z"))
                .body("points[0].values.temp", equalTo(19));
    }

    @Test
    void limit_cutsTheRangeIntoPagesOfIntervals_andNextIsWhereTheFollowingPageStarts() {
        String next = aggregate("avg", "1m", 2)
                .body("points.time", contains("2026-11-21T10:00:00Z", "2026-11-21T10:01:00Z"))
                .body("next", equalTo("2026-11-21T10:02:00Z"))
                .extract().path("next");

        range(device.tenant, next, END).queryParam("aggregate", "avg").queryParam("interval", "1m")
                .queryParam("limit", 2).get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200)
                .body("points.time", contains("2026-11-21T10:03:00Z"))
                .body("next", equalTo("2026-11-21T10:04:00Z"));
    }

    @Test
    void rangeWithTooManyIntervals_isRefusedNamingInterval() {
        range(device.tenant, "2026-01-01 00:00", "2026-11-21 10:00")
                .queryParam("aggregate", "avg").queryParam("interval", "1s")
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("interval"))
                .body("detail", containsString("choose a longer interval"));
    }

    @Test
    void invalidAggregationRequests_areRefusedNamingTheParameter() {
        refused(range(device.tenant, START, END).queryParam("aggregate", "median").queryParam("interval", "1m"),
                "aggregate");
        refused(range(device.tenant, START, END).queryParam("aggregate", "avg"), "interval");
        refused(range(device.tenant, START, END).queryParam("interval", "1m"), "aggregate");
        refused(range(device.tenant, START, END).queryParam("aggregate", "avg").queryParam("interval", "1 week"),
                "interval");
        refused(range(device.tenant, "last", END).queryParam("aggregate", "avg").queryParam("interval", "1m"),
                "X-STARTTIME");
    }

    private ValidatableResponse aggregate(String aggregate, String interval) {
        return aggregate(aggregate, interval, 1000);
    }

    private ValidatableResponse aggregate(String aggregate, String interval, int limit) {
        return range(device.tenant, START, END).queryParam("aggregate", aggregate).queryParam("interval", interval)
                .queryParam("limit", limit)
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).contentType("application/json")
                .body("channel_id", equalTo(device.channel().value()))
                .body("device_id", equalTo(device.device.value()));
    }

    private void refused(io.restassured.specification.RequestSpecification request, String field) {
        request.get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
