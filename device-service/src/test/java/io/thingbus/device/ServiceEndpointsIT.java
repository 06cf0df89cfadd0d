package io.thingbus.device;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.testing.InfrastructureResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class ServiceEndpointsIT {

    @Test
    void health_isUpWithDatabaseTelemetryChannelsAndGatewayConsumers() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("telemetry-consumer"))
                .body("checks.find { it.name == 'channels-consumer' }.status", equalTo("UP"))
                .body("checks.name", hasItem("gateway-consumers"))
                .body("checks.find { it.name == 'gateway-consumers' }.data.lifecycle-consumer", equalTo(true))
                .body("checks.find { it.name == 'gateway-consumers' }.data.device-requests-consumer", equalTo(true));
    }

    @Test
    void metrics_arePrometheusTextWithTheRegistryCounters() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("thingbus_device_outbox_published_total"))
                .body(containsString("thingbus_device_telemetry_malformed_total"))
                .body(containsString("thingbus_device_lifecycle_malformed_total"))
                .body(containsString("thingbus_device_attributes_malformed_total"))
                .body(containsString("thingbus_device_requests_malformed_total"))
                .body(containsString("thingbus_device_channels_malformed_total"))
                .body(containsString("thingbus_device_channel_fallbacks_total"))
                .body(containsString("thingbus_device_provisioning_claimed_away_total"))
                .body(containsString("thingbus_device_attribute_requests_answered_total"));
    }

    @Test
    void openApi_describesTheDeviceUserAdminAttributeAndClaimEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/device/{device_id}"))
                .body(containsString("/user"))
                .body(containsString("/admin/users/{user_id}/device-tokens/{device_token}"))
                .body(containsString("/device/{device_id}/attributes/shared"))
                .body(containsString("/device/{device_id}/devices"))
                .body(containsString("/claim"));
    }

    @Test
    void unknownPath_isA404Problem() {
        given().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }
}
