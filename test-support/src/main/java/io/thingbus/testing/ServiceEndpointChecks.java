package io.thingbus.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

/**
 * What every service that consumes Kafka shows on its HTTP endpoints, checked the same way in each service's endpoint
 * test (against the Quarkus test application RestAssured points at): a consumer loop that reports itself as
 * consuming in {@code /q/health/ready}, and the Kafka client's own metrics in {@code /q/metrics}.
 */
public final class ServiceEndpointChecks {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private ServiceEndpointChecks() {
    }

    /** Waits until the readiness check {@code checkName} is UP with {@code data.state} = {@code consuming}. */
    public static void awaitConsuming(String checkName) {
        String check = "checks.find { it.name == '" + checkName + "' }";
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body(check + ".status", equalTo("UP"))
                .body(check + ".data.state", equalTo("consuming")));
    }

    /**
     * Waits until the Prometheus text has the consumer fetch-lag metric of the Kafka client {@code clientId}, tagged
     * with a known Kafka client version (the client's metrics are bound, not just Micrometer's own).
     */
    public static void awaitKafkaConsumerMetrics(String clientId) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().accept("text/plain")
                .get("/q/metrics").asString().lines())
                .anyMatch(line -> line.startsWith("kafka_consumer_fetch_manager_records_lag_max{")
                        && line.contains("client_id=\"" + clientId + "\"")
                        && line.contains("kafka_version=\"") && !line.contains("kafka_version=\"unknown\"")));
    }
}
