package io.thingbus.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.testing.InfrastructureResource;
import io.thingbus.testing.ServiceEndpointChecks;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class HealthIT {

    @Test
    void liveness_isUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readiness_isUp_withTheDatabaseAndTheLifecycleConsumer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("lifecycle-consumer", "Database connections health check"));
    }

    @Test
    void readiness_saysTheLifecycleConsumerIsConsuming() {
        ServiceEndpointChecks.awaitConsuming("lifecycle-consumer");
    }

    @Test
    void metrics_areServedAsPrometheusText() {
        given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void metrics_includeTheLifecycleConsumersOwnKafkaClientMetrics_withTheClientsVersion() {
        ServiceEndpointChecks.awaitKafkaConsumerMetrics("session-service-lifecycle");
    }

    @Test
    void openApiDocument_namesTheService() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo("Thingbus session-service"))
                .body("paths.keySet()", hasItems("/session", "/session/devices"));
    }
}
