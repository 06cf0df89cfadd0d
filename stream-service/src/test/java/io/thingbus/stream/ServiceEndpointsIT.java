package io.thingbus.stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.testing.InfrastructureResource;
import org.junit.jupiter.api.Test;

/** The operational endpoints every Thingbus service has. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class ServiceEndpointsIT {

    @Test
    void liveness_isUp_withTheTelemetryAndDeviceConsumersRunning() {
        given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("telemetry-consumer", "device-consumer"));
    }

    @Test
    void readiness_isUp_withDatabaseAndConsumers() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("telemetry-consumer", "device-consumer"));
    }

    @Test
    void metrics_exposeTheConsumerAndOutboxCounters() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("thingbus_stream_telemetry_rejected_total"))
                .body(containsString("thingbus_stream_store_failures_total"))
                .body(containsString("thingbus_stream_device_records_malformed_total"))
                .body(containsString("thingbus_stream_outbox_published_total"))
                .body(containsString("thingbus_stream_outbox_failures_total"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"));
    }

    @Test
    void openApi_describesTheStreamAndChannelEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/stream/{channel_id}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/channel"))
                .body("paths", org.hamcrest.Matchers.hasKey("/channel/{channel_id}"));
    }

    @Test
    void postThatIsNotJson_isAnUnsupportedMediaTypeProblem() {
        given().header("X-Thingbus-Tenant", "U1a2b3c4d").contentType("text/plain").body("20")
                .post("/stream/{channel_id}", "C0123456789abcdef0123")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void unknownPath_isAProblem() {
        given().get("/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
