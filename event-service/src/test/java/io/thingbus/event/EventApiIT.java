package io.thingbus.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.thingbus.service.Problem;
import io.thingbus.testing.InfrastructureResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServerResource.class, restrictToAnnotatedClass = false)
class EventApiIT extends KafkaClientFixture {

    @Test
    void create_returnsTheEventWithItsSecretVersionAndLocation() {
        TestDevice device = TestDevice.random();
        String body = """
                {"name": "Freezer too warm", "channel_id": "%s", "tag": "kitchen", "field": "temp",
                 "operator": ">", "threshold": -18.50,
                 "rearm": {"hysteresis": 0.5, "min_interval_seconds": 600},
                 "actions": {"email": ["ops@example.com"], "webhook": {"url": "https://hooks.example.com/t/1?x=y"}}}
                """.formatted(device.channel());

        ExtractableResponse<Response> created = EventApi.createWhenChannelKnown(kafka, device, body);

        String id = created.path("event_id");
        created.response().then()
                .header("Location", endsWith("/event/" + id))
                .header("ETag", "\"1\"")
                .body("event_id", matchesPattern("E[a-z0-9]{20}"))
                .body("name", equalTo("Freezer too warm"))
                .body("channel_id", equalTo(device.channel().value()))
                .body("device_id", equalTo(device.device.value()))
                .body("tag", equalTo("kitchen"))
                .body("field", equalTo("temp"))
                .body("operator", equalTo(">"))
                .body("threshold", equalTo(-18.50f))
                .body("rearm.hysteresis", equalTo(0.5f))
                .body("rearm.min_interval_seconds", equalTo(600))
                .body("actions.email", contains("ops@example.com"))
                .body("actions.webhook.url", equalTo("https://hooks.example.com/t/1?x=y"))
                .body("enabled", equalTo(true))
                .body("version", equalTo(1))
                .body("state.armed", equalTo(true))
                .body("webhook_secret", matchesPattern("whsec_[A-Za-z0-9]{40}"));
    }

    @Test
    void get_showsTheEventWithoutItsSecret_andList_showsOnlyTheCallersEvents() {
        TestDevice device = TestDevice.random();
        String id = EventApi.createWhenChannelKnown(kafka, device,
                EventApi.thresholdRule(device, "temp", "<", "5", "{}")).path("event_id");
        TestDevice stranger = TestDevice.random();
        EventApi.createWhenChannelKnown(kafka, stranger, EventApi.thresholdRule(stranger, "temp", "<", "5", "{}"));

        EventApi.as(device.tenant).get("/event/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("event_id", equalTo(id))
                .body("recent_alerts", empty())
                .body("$", not(hasKey("webhook_secret")));
        EventApi.as(device.tenant).get("/event").then().statusCode(200)
                .body("event_id", contains(id));
    }

    @Test
    void anotherTenant_cannotSeeChangeOrDeleteTheEvent() {
        TestDevice owner = TestDevice.random();
        String body = EventApi.thresholdRule(owner, "temp", ">", "30", "{}");
        String id = EventApi.createWhenChannelKnown(kafka, owner, body).path("event_id");
        TestDevice other = TestDevice.random();

        EventApi.as(other.tenant).get("/event/" + id).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("type", endsWith("/event-not-found"));
        EventApi.as(other.tenant).body(body).put("/event/" + id).then().statusCode(404);
        EventApi.as(other.tenant).delete("/event/" + id).then().statusCode(404);
        EventApi.as(other.tenant).get("/event").then().statusCode(200).body("event_id", not(hasItem(id)));
        EventApi.as(owner.tenant).get("/event/" + id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void aRuleOnAnotherTenantsChannel_isRefusedAsUnknownChannel() {
        TestDevice owner = TestDevice.random();
        EventApi.createWhenChannelKnown(kafka, owner, EventApi.thresholdRule(owner, "temp", ">", "30", "{}"));
        TestDevice intruder = TestDevice.random();

        EventApi.as(intruder.tenant).body(EventApi.thresholdRule(owner, "temp", ">", "30", "{}")).post("/event")
                .then().statusCode(400)
                .body("errors.field", contains("body.channel_id"));
    }

    @Test
    void put_withCurrentETag_replacesAndIncrementsTheVersion_andWithAStaleOne_is412() {
        TestDevice device = TestDevice.random();
        String id = EventApi.createWhenChannelKnown(kafka, device,
                EventApi.thresholdRule(device, "temp", ">", "30", "{}")).path("event_id");
        String changed = EventApi.thresholdRule(device, "humidity", "outside", "0", "{}")
                .replace("\"threshold\": 0", "\"low\": 20, \"high\": 80");

        EventApi.as(device.tenant).header("If-Match", "\"1\"").body(changed).put("/event/" + id).then()
                .statusCode(200).header("ETag", "\"2\"")
                .body("field", equalTo("humidity")).body("operator", equalTo("outside"))
                .body("low", equalTo(20)).body("high", equalTo(80)).body("threshold", nullValue())
                .body("version", equalTo(2));
        EventApi.as(device.tenant).header("If-Match", "\"1\"").body(changed).put("/event/" + id).then()
                .statusCode(412).contentType(Problem.MEDIA_TYPE).body("type", endsWith("/version-mismatch"));
        EventApi.as(device.tenant).header("If-Match", "\"1\"").delete("/event/" + id).then().statusCode(412);
        EventApi.as(device.tenant).get("/event/" + id).then().body("version", equalTo(2));
    }

    @Test
    void aRuleReadWithGet_canBeSentBackWithPut() {
        TestDevice device = TestDevice.random();
        String id = EventApi.createWhenChannelKnown(kafka, device,
                EventApi.thresholdRule(device, "temp", ">", "30", "{\"email\": [\"a@example.com\"]}")).path("event_id");
        String representation = EventApi.as(device.tenant).get("/event/" + id).then().extract().asString();

        EventApi.as(device.tenant).body(representation.replace("\"temp > 30\"", "\"renamed\""))
                .put("/event/" + id).then().statusCode(200)
                .body("name", equalTo("renamed")).body("actions.email", contains("a@example.com"));
    }

    @Test
    void delete_removesTheEvent() {
        TestDevice device = TestDevice.random();
        String id = EventApi.createWhenChannelKnown(kafka, device,
                EventApi.thresholdRule(device, "temp", ">", "30", "{}")).path("event_id");

        EventApi.as(device.tenant).header("If-Match", "\"1\"").delete("/event/" + id).then().statusCode(204);

        EventApi.as(device.tenant).get("/event/" + id).then().statusCode(404);
        EventApi.as(device.tenant).get("/event").then().body("event_id", not(hasItem(id)));
    }

    @Test
    void invalidRules_areRefusedWith400NamingEachField() {
        TestDevice device = TestDevice.random();
        EventApi.createWhenChannelKnown(kafka, device, EventApi.thresholdRule(device, "temp", ">", "30", "{}"));
        String body = """
                {"name": "bad", "channel_id": "%s", "field": "temp", "operator": "=>", "threshold": 1,
                 "actions": {"email": ["ops@example.com", "not-an-address"], "webhook": {"url": "ftp://files.example.com/x"}}}
                """.formatted(device.channel());

        EventApi.as(device.tenant).body(body).post("/event").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", endsWith("/invalid-request"))
                .body("errors.field", containsInAnyOrder("body.operator", "body.actions.email[1]",
                        "body.actions.webhook.url"));
    }

    @Test
    void aRuleOnAChannelNobodyHas_isRefusedNamingTheChannel() {
        TestDevice device = TestDevice.random();

        EventApi.as(device.tenant).body(EventApi.thresholdRule(device, "temp", ">", "30", "{}")).post("/event")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("body.channel_id"));
    }

    @Test
    void aMisspeltField_isRefusedRatherThanIgnored() {
        TestDevice device = TestDevice.random();
        String body = """
                {"name": "typo", "channel_id": "%s", "field": "temp", "operator": ">", "treshold": 1}
                """.formatted(device.channel());

        EventApi.as(device.tenant).body(body).post("/event").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("body.treshold", "body.threshold"));
    }

    @Test
    void aRequestWithoutTenant_is401() {
        given().contentType(ContentType.JSON).get("/event").then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE).body("type", endsWith("/unauthenticated"));
        given().contentType(ContentType.JSON).body("{}").post("/event").then().statusCode(401);
    }

    @Test
    void postingToAnEventId_isNotAllowed() {
        TestDevice device = TestDevice.random();

        EventApi.as(device.tenant).body("{}").post("/event/Eaaaaaaaaaaaaaaaaaaaa").then().statusCode(405)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void anUnknownOrMalformedEventId_is404() {
        TestDevice device = TestDevice.random();

        EventApi.as(device.tenant).get("/event/Eaaaaaaaaaaaaaaaaaaaa").then().statusCode(404);
        EventApi.as(device.tenant).get("/event/not-an-id").then().statusCode(404);
    }
}
