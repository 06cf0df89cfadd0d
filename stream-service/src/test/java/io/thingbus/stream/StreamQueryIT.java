package io.thingbus.stream;

import static io.restassured.RestAssured.given;
import static io.thingbus.stream.StreamApi.ALL_TIME_END;
import static io.thingbus.stream.StreamApi.ALL_TIME_START;
import static io.thingbus.stream.StreamApi.as;
import static io.thingbus.stream.StreamApi.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.thingbus.testing.InfrastructureResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reading streams: refusals, tenancy, paging. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class StreamQueryIT extends TelemetryProducerFixture {

    private static final Instant T0 = Instant.parse("2026-11-21T22:01:02.123Z");
    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void missingEndTime_isRefusedWithAProblemNamingXEndtime() {
        Telemetry device = deviceWithOnePoint();

        as(device.tenant).header("X-STARTTIME", "2026-11-21 22:00")
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("detail", containsString("X-ENDTIME"))
                .body("errors[0].field", equalTo("X-ENDTIME"))
                .body("instance", equalTo("/stream/" + device.channel().value()));
    }

    @Test
    void unreadableStartTime_isRefusedWithAProblemNamingXStarttime() {
        Telemetry device = deviceWithOnePoint();

        range(device.tenant, "21.11.2026 22:00", "2026-11-21 22:10")
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("X-STARTTIME"))
                .body("detail", containsString("YYYY-MM-DD hh:mm"));
    }

    @Test
    void startAfterEnd_isRefused() {
        Telemetry device = deviceWithOnePoint();

        range(device.tenant, "2026-11-21 23:00", "2026-11-21 22:00")
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("after X-ENDTIME"));
    }

    @Test
    void limitOutsideItsRange_isRefusedNamingLimit() {
        Telemetry device = deviceWithOnePoint();

        for (String limit : List.of("0", "10001", "many")) {
            range(device.tenant, ALL_TIME_START, ALL_TIME_END).queryParam("limit", limit)
                    .get("/stream/{channel_id}", device.channel().value())
                    .then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("limit"));
        }
    }

    @Test
    void requestWithoutAuthenticatedTenant_isUnauthorized() {
        Telemetry device = deviceWithOnePoint();

        given().header("X-STARTTIME", ALL_TIME_START).header("X-ENDTIME", ALL_TIME_END)
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .body("detail", containsString("X-Thingbus-Tenant"));
        given().get("/channel").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void anotherTenantsChannel_isNotFound_andCannotBeWritten() {
        Telemetry owner = deviceWithOnePoint();
        Telemetry other = new Telemetry();

        range(other.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", owner.channel().value())
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("detail", not(containsString(owner.tenant.value())));
        as(other.tenant).contentType("application/json").body("{\"temp\":99}")
                .post("/stream/{channel_id}", owner.channel().value())
                .then().statusCode(404).contentType(PROBLEM_JSON);

        range(owner.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", owner.channel().value())
                .then().statusCode(200).body("count", equalTo(1));
    }

    @Test
    void unknownOrInvalidChannelId_isNotFound() {
        Telemetry device = new Telemetry();

        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", "Cdoesnotexist")
                .then().statusCode(404).contentType(PROBLEM_JSON);
        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", "bad.channel!")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void followingNext_pageByPage_returnsEveryPointExactlyOnceInTimeOrder() {
        Telemetry device = deviceWithOnePoint();
        String points = IntStream.range(0, 25)
                .mapToObj(i -> "{\"time\":\"" + T0.plusSeconds(10 + i / 5) + "\",\"values\":{\"n\":" + i + "}}")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        as(device.tenant).contentType("application/json").body("[" + points + "]")
                .post("/stream/{channel_id}", device.channel().value())
                .then().statusCode(204);

        List<Integer> seen = new ArrayList<>();
        List<String> times = new ArrayList<>();
        String start = ALL_TIME_START;
        int pages = 0;
        while (start != null) {
            JsonPath page = range(device.tenant, start, ALL_TIME_END).queryParam("limit", 4)
                    .get("/stream/{channel_id}", device.channel().value())
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("points.values.n", Integer.class));
            times.addAll(page.getList("points.time", String.class));
            assertThat(page.getInt("count")).isLessThanOrEqualTo(4);
            start = page.getString("next");
            pages++;
        }

        assertThat(pages).isEqualTo(7);
        assertThat(seen).hasSize(26).doesNotHaveDuplicates();
        assertThat(seen).containsAll(IntStream.range(-1, 25).boxed().toList());
        assertThat(times).isSortedAccordingTo(java.util.Comparator.comparing(Instant::parse));
    }

    @Test
    void pageWithRoomForEveryPoint_hasNoNext() {
        Telemetry device = deviceWithOnePoint();

        range(device.tenant, ALL_TIME_START, ALL_TIME_END).queryParam("limit", 1)
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).body("points", hasSize(1)).body("next", equalTo(null));
        as(device.tenant).contentType("application/json").body("{\"n\":5}")
                .post("/stream/{channel_id}", device.channel().value()).then().statusCode(204);
        range(device.tenant, ALL_TIME_START, ALL_TIME_END).queryParam("limit", 1)
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).body("points", hasSize(1)).body("next", notNullValue());
    }

    /** A fresh device whose channel exists, holding one point {"n":-1} at T0. */
    private static Telemetry deviceWithOnePoint() {
        Telemetry device = new Telemetry();
        telemetry.send(device.json(T0, "{\"n\":-1}"));
        StreamApi.awaitPointCount(device.tenant, device.channel(), 1);
        return device;
    }
}
