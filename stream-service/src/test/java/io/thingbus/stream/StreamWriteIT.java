package io.thingbus.stream;

import static io.thingbus.stream.StreamApi.ALL_TIME_END;
import static io.thingbus.stream.StreamApi.ALL_TIME_START;
import static io.thingbus.stream.StreamApi.as;
import static io.thingbus.stream.StreamApi.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Writing points over HTTP into the store the telemetry consumer fills. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class StreamWriteIT extends TelemetryProducerFixture {

    @Test
    void postedPoints_withTimesAndTag_areReadBack() {
        Telemetry device = deviceWithChannel();

        as(device.tenant).contentType("application/json").header("X-TAGNAME", "kitchen")
                .body("""
                        [{"time":"2026-11-21T10:00:00.250Z","values":{"temp":20.5}},
                         {"time":"2026-11-21 10:01","values":{"temp":21,"unit":"C"}}]""")
                .post("/stream/{channel_id}", device.channel().value())
                .then().statusCode(204);

        range(device.tenant, "2026-11-21 10:00", "2026-11-21 10:01").header("X-TAGNAME", "kitchen")
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200)
                .body("count", equalTo(2))
                .body("points.time", contains("2026-11-21T10:00:00.250Z", "2026-11-21T10:01:00Z"))
                .body("points.tag", contains("kitchen", "kitchen"))
                .body("points[0].values.temp", equalTo(20.5f))
                .body("points[1].values.unit", equalTo("C"));
    }

    @Test
    void postedPlainObject_isOnePointAtTheTimeOfTheWrite() {
        Telemetry device = deviceWithChannel();
        Instant before = Instant.now().minusSeconds(1);

        as(device.tenant).contentType("application/json").body("{\"temp\":3}")
                .post("/stream/{channel_id}", device.channel().value())
                .then().statusCode(204);

        Instant after = Instant.now().plusSeconds(1);
        String time = range(device.tenant, before.toString(), after.toString())
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).body("count", equalTo(1)).body("points[0].values.temp", equalTo(3))
                .extract().path("points[0].time");
        assertThat(Duration.between(before, Instant.parse(time))).isPositive();
    }

    @Test
    void postToAChannelThatDoesNotExist_isNotFound() {
        Telemetry device = new Telemetry();

        as(device.tenant).contentType("application/json").body("{\"temp\":3}")
                .post("/stream/{channel_id}", device.channel().value())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void postWithOneInvalidPoint_isRefusedNamingIt_andStoresNothing() {
        Telemetry device = deviceWithChannel();

        as(device.tenant).contentType("application/json")
                .body("[{\"values\":{\"n\":1}},{\"time\":\"tomorrow\",\"values\":{\"n\":2}}]")
                .post("/stream/{channel_id}", device.channel().value())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body[1].time"));
        as(device.tenant).contentType("application/json").body("{\"temp\": 20")
                .post("/stream/{channel_id}", device.channel().value())
                .then().statusCode(400).contentType("application/problem+json");

        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).body("count", equalTo(1));
    }

    /** A fresh device whose channel exists (created by its first telemetry record, one point). */
    private static Telemetry deviceWithChannel() {
        Telemetry device = new Telemetry();
        telemetry.send(device.json(Instant.parse("2020-01-01T00:00:00Z"), "{\"boot\":1}"));
        StreamApi.awaitPointCount(device.tenant, device.channel(), 1);
        return device;
    }
}
