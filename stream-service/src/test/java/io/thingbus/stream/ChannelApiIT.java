package io.thingbus.stream;

import static io.restassured.RestAssured.given;
import static io.thingbus.stream.StreamApi.ALL_TIME_END;
import static io.thingbus.stream.StreamApi.ALL_TIME_START;
import static io.thingbus.stream.StreamApi.PATIENCE;
import static io.thingbus.stream.StreamApi.as;
import static io.thingbus.stream.StreamApi.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.testing.InfrastructureResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Channel service over real HTTP, with devices announced on the real devices topic. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class ChannelApiIT extends TelemetryProducerFixture {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    DataSource dataSource;

    private DeviceRegistry registry;
    private final Telemetry device = new Telemetry();
    private final Telemetry stranger = new Telemetry();

    @BeforeEach
    void registerDevices() {
        registry = new DeviceRegistry(dataSource);
        registry.register(device.tenant, device.device);
        registry.register(stranger.tenant, stranger.device);
    }

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    @Test
    void create_forADeviceOfTheCaller_answersTheChannelWithLocationAndEtag() {
        as(device.tenant).contentType("application/json").header("X-TAGNAME", "oven")
                .body("{\"device_id\":\"" + device.device + "\",\"name\":\"Kitchen\"}")
                .post("/channel/{channel_id}", "kitchen")
                .then().statusCode(201).contentType("application/json")
                .header("Location", "/channel/kitchen")
                .header("ETag", "\"1\"")
                .body("channel_id", equalTo("kitchen"))
                .body("device_id", equalTo(device.device.value()))
                .body("name", equalTo("Kitchen"))
                .body("tags", contains("oven"))
                .body("created_at", notNullValue())
                .body("updated_at", notNullValue());

        as(device.tenant).get("/channel/{channel_id}", "kitchen")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Kitchen")).body("tags", contains("oven"));
    }

    @Test
    void create_withoutName_isNamedAfterItsId() {
        createChannel("garage");

        as(device.tenant).get("/channel/{channel_id}", "garage").then().statusCode(200)
                .body("name", equalTo("garage")).body("tags", empty());
    }

    @Test
    void create_withAnIdTheCallerAlreadyHas_isAConflict_andChangesNothing() {
        createChannel("kitchen");

        as(device.tenant).contentType("application/json")
                .body("{\"device_id\":\"" + device.device + "\",\"name\":\"Other\"}")
                .post("/channel/{channel_id}", "kitchen")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://thingbus.io/problems/channel-exists"));
        as(device.tenant).get("/channel/{channel_id}", "kitchen").then().statusCode(200)
                .body("name", equalTo("kitchen")).header("ETag", "\"1\"");
    }

    @Test
    void create_withAnIdAnotherTenantHas_succeeds_becauseChannelIdsArePerTenant() {
        createChannel("kitchen");

        as(stranger.tenant).contentType("application/json").body("{\"device_id\":\"" + stranger.device + "\"}")
                .post("/channel/{channel_id}", "kitchen")
                .then().statusCode(201).body("device_id", equalTo(stranger.device.value()));

        as(device.tenant).get("/channel/{channel_id}", "kitchen").then().statusCode(200)
                .body("device_id", equalTo(device.device.value()));
    }

    @Test
    void create_forAnUnknownDevice_orAnotherTenantsDevice_isNotFound() {
        as(device.tenant).contentType("application/json").body("{\"device_id\":\"no-such-device\"}")
                .post("/channel/{channel_id}", "kitchen")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://thingbus.io/problems/device-not-found"))
                .body("errors[0].field", equalTo("body.device_id"));
        as(stranger.tenant).contentType("application/json").body("{\"device_id\":\"" + device.device + "\"}")
                .post("/channel/{channel_id}", "kitchen")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("detail", not(containsString(device.tenant.value())));

        as(device.tenant).get("/channel").then().statusCode(200)
                .body("channel_id", not(hasItem("kitchen")));
        as(stranger.tenant).get("/channel/{channel_id}", "kitchen").then().statusCode(404);
    }

    @Test
    void create_withAnInvalidIdBodyOrTag_isRefusedNamingIt() {
        String body = "{\"device_id\":\"" + device.device + "\"}";
        as(device.tenant).contentType("application/json").body(body).post("/channel/{channel_id}", "bad.id!")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("channel_id"));
        as(device.tenant).contentType("application/json").body("{\"name\":\"x\"}")
                .post("/channel/{channel_id}", "kitchen")
                .then().statusCode(400).body("errors[0].field", equalTo("body.device_id"));
        as(device.tenant).contentType("application/json").body("{\"device_id\":\"" + device.device + "\",\"x\":1}")
                .post("/channel/{channel_id}", "kitchen")
                .then().statusCode(400).body("errors[0].field", equalTo("body.x"));
        as(device.tenant).contentType("application/json").header("X-TAGNAME", "x".repeat(129)).body(body)
                .post("/channel/{channel_id}", "kitchen")
                .then().statusCode(400).body("errors[0].field", equalTo("X-TAGNAME"));
        as(device.tenant).contentType("text/plain").body(body).post("/channel/{channel_id}", "kitchen")
                .then().statusCode(415).contentType(PROBLEM_JSON);
        as(device.tenant).get("/channel/{channel_id}", "kitchen").then().statusCode(404);
    }

    @Test
    void list_showsTagsOnlyWithXWithtag() {
        as(device.tenant).contentType("application/json").header("X-TAGNAME", "oven")
                .body("{\"device_id\":\"" + device.device + "\"}").post("/channel/{channel_id}", "kitchen")
                .then().statusCode(201);

        as(device.tenant).get("/channel").then().statusCode(200)
                .body("find { it.channel_id == 'kitchen' }", not(hasKey("tags")));
        as(device.tenant).header("X-WITHTAG", "true").get("/channel").then().statusCode(200)
                .body("find { it.channel_id == 'kitchen' }.tags", contains("oven"))
                .body("find { it.channel_id == 'kitchen' }.name", equalTo("kitchen"));
        as(device.tenant).header("X-WITHTAG", "maybe").get("/channel").then().statusCode(400)
                .body("errors[0].field", equalTo("X-WITHTAG"));
        as(stranger.tenant).header("X-WITHTAG", "true").get("/channel").then().statusCode(200)
                .body("channel_id", not(hasItem("kitchen")));
    }

    @Test
    void tagsSeenInTelemetry_becomeKnownTagsOfTheDefaultChannel() {
        telemetry.send(device.json(Instant.parse("2026-11-21T10:00:00Z"), "{\"n\":1}"));
        StreamApi.awaitChannel(device.tenant, device.channel());
        as(device.tenant).get("/channel/{channel_id}", device.channel().value()).then().statusCode(200)
                .header("ETag", "\"1\"").body("tags", empty())
                .body("device_id", equalTo(device.device.value()))
                .body("name", equalTo(device.channel().value()));

        telemetry.send(device.json(Instant.parse("2026-11-21T10:01:00Z"), "garage", "{\"n\":2}"));

        await().atMost(PATIENCE).untilAsserted(() -> as(device.tenant).header("X-WITHTAG", "true").get("/channel")
                .then().statusCode(200)
                .body("find { it.channel_id == '" + device.channel() + "' }.tags", contains("garage")));
        as(device.tenant).get("/channel/{channel_id}", device.channel().value()).then().header("ETag", "\"2\"");
    }

    @Test
    void update_renames_declaresATag_andChangesTheEtag() {
        createChannel("kitchen");

        as(device.tenant).contentType("application/json").header("If-Match", "\"1\"")
                .body("{\"name\":\"Küche\"}").put("/channel/{channel_id}", "kitchen")
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("Küche")).body("device_id", equalTo(device.device.value()));
        as(device.tenant).header("X-TAGNAME", "oven").put("/channel/{channel_id}", "kitchen")
                .then().statusCode(200).header("ETag", "\"3\"").body("tags", contains("oven"))
                .body("name", equalTo("Küche"));
        as(device.tenant).header("X-TAGNAME", "oven").put("/channel/{channel_id}", "kitchen")
                .then().statusCode(200).header("ETag", "\"3\"");

        as(device.tenant).get("/channel/{channel_id}", "kitchen").then().statusCode(200)
                .header("ETag", "\"3\"").body("name", equalTo("Küche")).body("tags", contains("oven"));
    }

    @Test
    void update_toAnotherDevice_associatesTheChannelWithIt_butNotWithAnotherTenantsDevice() {
        createChannel("kitchen");
        DeviceId second = DeviceId.of(device.device.value() + "-2");
        registry.register(device.tenant, second);

        as(device.tenant).contentType("application/json").body("{\"device_id\":\"" + second + "\"}")
                .put("/channel/{channel_id}", "kitchen")
                .then().statusCode(200).body("device_id", equalTo(second.value()));
        as(device.tenant).contentType("application/json").body("{\"device_id\":\"" + stranger.device + "\"}")
                .put("/channel/{channel_id}", "kitchen")
                .then().statusCode(404).body("type", equalTo("https://thingbus.io/problems/device-not-found"));

        as(device.tenant).get("/channel/{channel_id}", "kitchen").then().body("device_id", equalTo(second.value()));
    }

    @Test
    void update_withAStaleIfMatch_isPreconditionFailed_andChangesNothing() {
        createChannel("kitchen");
        as(device.tenant).contentType("application/json").body("{\"name\":\"First\"}")
                .put("/channel/{channel_id}", "kitchen").then().statusCode(200).header("ETag", "\"2\"");

        as(device.tenant).contentType("application/json").header("If-Match", "\"1\"").body("{\"name\":\"Late\"}")
                .put("/channel/{channel_id}", "kitchen")
                .then().statusCode(412).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://thingbus.io/problems/precondition-failed"));

        as(device.tenant).get("/channel/{channel_id}", "kitchen").then().body("name", equalTo("First"));
    }

    @Test
    void concurrentUpdatesConditionedOnTheSameEtag_letExactlyOneWin() throws Exception {
        createChannel("kitchen");
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "writer-" + i;
                statuses.add(pool.submit(() -> as(device.tenant).contentType("application/json")
                        .header("If-Match", "\"1\"").body("{\"name\":\"" + name + "\"}")
                        .put("/channel/{channel_id}", "kitchen").statusCode()));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            assertThat(answered).containsOnly(200, 412).containsOnlyOnce(200);
        } finally {
            pool.shutdownNow();
        }
        as(device.tenant).get("/channel/{channel_id}", "kitchen").then().header("ETag", "\"2\"")
                .body("name", startsWith("writer-"));
    }

    @Test
    void delete_removesTheChannelAndEveryPoint_andAStaleIfMatchDeletesNothing() {
        createChannel("kitchen");
        writePoints("kitchen", null, "{\"time\":\"2026-11-21T10:00:00Z\",\"values\":{\"n\":1}}");

        as(device.tenant).header("If-Match", "\"7\"").delete("/channel/{channel_id}", "kitchen")
                .then().statusCode(412).contentType(PROBLEM_JSON);
        StreamApi.awaitPointCount(device.tenant, ChannelId.of("kitchen"), 1);

        as(device.tenant).header("If-Match", "\"1\"").delete("/channel/{channel_id}", "kitchen")
                .then().statusCode(204);

        as(device.tenant).get("/channel/{channel_id}", "kitchen").then().statusCode(404).contentType(PROBLEM_JSON);
        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", "kitchen")
                .then().statusCode(404);
        as(device.tenant).delete("/channel/{channel_id}", "kitchen").then().statusCode(404);
        createChannel("kitchen");
        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", "kitchen")
                .then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void deleteWithTagName_removesOnlyThatTagAndItsPoints() {
        createChannel("kitchen");
        writePoints("kitchen", "oven", "{\"time\":\"2026-11-21T10:00:00Z\",\"values\":{\"n\":1}}");
        writePoints("kitchen", "fridge", "{\"time\":\"2026-11-21T10:01:00Z\",\"values\":{\"n\":2}}");
        writePoints("kitchen", null, "{\"time\":\"2026-11-21T10:02:00Z\",\"values\":{\"n\":3}}");
        as(device.tenant).get("/channel/{channel_id}", "kitchen").then().body("tags", contains("fridge", "oven"));

        as(device.tenant).header("X-TAGNAME", "oven").delete("/channel/{channel_id}", "kitchen")
                .then().statusCode(204);

        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", "kitchen")
                .then().statusCode(200)
                .body("points.values.n", contains(2, 3))
                .body("points.tag", contains("fridge", null));
        as(device.tenant).get("/channel/{channel_id}", "kitchen").then().statusCode(200)
                .body("tags", contains("fridge")).header("ETag", "\"4\"");
        as(device.tenant).header("X-TAGNAME", "oven").delete("/channel/{channel_id}", "kitchen")
                .then().statusCode(404).body("type", equalTo("https://thingbus.io/problems/tag-not-found"));
        as(device.tenant).header("X-TAGNAME", "").delete("/channel/{channel_id}", "kitchen")
                .then().statusCode(400).body("errors[0].field", equalTo("X-TAGNAME"));
        as(device.tenant).get("/channel/{channel_id}", "kitchen").then().statusCode(200);
    }

    @Test
    void anotherTenant_cannotSeeReadWriteChangeOrDeleteTheChannel() {
        createChannel("kitchen");
        writePoints("kitchen", "oven", "{\"time\":\"2026-11-21T10:00:00Z\",\"values\":{\"n\":1}}");

        as(stranger.tenant).get("/channel/{channel_id}", "kitchen").then().statusCode(404);
        as(stranger.tenant).contentType("application/json").body("{\"name\":\"mine\"}")
                .put("/channel/{channel_id}", "kitchen").then().statusCode(404);
        as(stranger.tenant).header("X-TAGNAME", "oven").put("/channel/{channel_id}", "kitchen")
                .then().statusCode(404);
        as(stranger.tenant).header("X-TAGNAME", "oven").delete("/channel/{channel_id}", "kitchen")
                .then().statusCode(404);
        as(stranger.tenant).delete("/channel/{channel_id}", "kitchen").then().statusCode(404);
        range(stranger.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", "kitchen")
                .then().statusCode(404);
        range(stranger.tenant, ALL_TIME_START, ALL_TIME_END).queryParam("aggregate", "avg")
                .queryParam("interval", "1d").get("/stream/{channel_id}", "kitchen").then().statusCode(404);
        as(stranger.tenant).contentType("application/json").body("{\"n\":5}")
                .post("/stream/{channel_id}", "kitchen").then().statusCode(404);

        as(device.tenant).get("/channel/{channel_id}", "kitchen").then().statusCode(200)
                .header("ETag", "\"2\"").body("name", equalTo("kitchen")).body("tags", contains("oven"));
        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", "kitchen")
                .then().statusCode(200).body("count", equalTo(1));
    }

    @Test
    void requestsWithoutAuthenticatedTenant_areUnauthorized() {
        given().get("/channel/{channel_id}", "kitchen").then().statusCode(401);
        given().contentType("application/json").body("{\"device_id\":\"d\"}")
                .post("/channel/{channel_id}", "kitchen").then().statusCode(401);
        given().delete("/channel/{channel_id}", "kitchen").then().statusCode(401);
    }

    private void createChannel(String channel) {
        as(device.tenant).contentType("application/json").body("{\"device_id\":\"" + device.device + "\"}")
                .post("/channel/{channel_id}", channel).then().statusCode(201);
    }

    private void writePoints(String channel, String tag, String body) {
        var request = as(device.tenant).contentType("application/json").body(body);
        if (tag != null) {
            request.header("X-TAGNAME", tag);
        }
        request.post("/stream/{channel_id}", channel).then().statusCode(204);
    }
}
