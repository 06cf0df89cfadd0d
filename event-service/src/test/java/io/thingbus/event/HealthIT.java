package io.thingbus.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.testing.InfrastructureResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServerResource.class, restrictToAnnotatedClass = false)
class HealthIT {

    @Test
    void liveness_isUp_withTheConsumersAndWorkersRunning() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("telemetry-consumer", "device-feed-consumer", "channel-feed-consumer",
                        "notification-workers"));
    }

    @Test
    void readiness_isUp_withTheDatabaseAndConsumers() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("telemetry-consumer", "device-feed-consumer", "channel-feed-consumer"));
    }

    @Test
    void metrics_areServedAsPrometheusText_withTheServicesCounters() {
        given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("thingbus_event_telemetry_records_total"))
                .body(containsString("thingbus_event_alerts_fired_total{kind=\"no_data\""))
                .body(containsString("thingbus_event_notifications_total{outcome=\"failed\""))
                .body(containsString("thingbus_event_channel_records_total"))
                .body(containsString("thingbus_event_malformed_records_total{topic=\"thingbus.devices.v1\""))
                .body(containsString("thingbus_event_malformed_records_total{topic=\"thingbus.channels.v1\""));
    }

    @Test
    void metrics_includeTheKafkaClientsOwnMetrics_ofTheConsumersAndTheAlertProducer() {
        given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max{"))
                .body(containsString("client_id=\"event-service-thingbus.telemetry.v1\""))
                .body(containsString("client_id=\"event-service-devices-thingbus.devices.v1\""))
                .body(containsString("client_id=\"event-service-channels-thingbus.channels.v1\""))
                .body(containsString("kafka_producer_record_send_total{"));
    }

    @Test
    void openApiDocument_namesTheServiceAndItsEventPaths() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo("Thingbus event-service"))
                .body("paths.'/event'.post", notNullValue())
                .body("paths.'/event/{event_id}'.put", notNullValue());
    }
}
