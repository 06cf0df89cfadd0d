package io.thingbus.broker;

import static io.restassured.RestAssured.given;
import static io.thingbus.broker.MqttClients.utf8;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BrokerPortsResource.class, restrictToAnnotatedClass = false)
class BrokerHttpIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "thingbus.broker.mqtt.port")
    int mqttPort;

    @Test
    void readiness_isUp_onceCredentialsAreCurrent_andLivenessIsUp() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'mqtt-edge' }.data.credentials-current", equalTo(true)));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metrics_countForwardedAndRefusedPublishes_andMalformedCredentialRecords() {
        TestDevice device = TestDevice.random();
        try (KafkaFixture credentials = new KafkaFixture(kafka)) {
            credentials.grant(device);
            credentials.sendRaw("not-a-hash", utf8("{}"));
            MqttClients.awaitAccepted(mqttPort, device);
        }
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);
        MqttClients.publishQos1(client, device.jsonTopic("dev-1"), utf8("{\"temp\":1}"));
        MqttClients.publishQos1(client, device.jsonTopic("dev-1"), utf8("not json"));
        client.disconnect();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("thingbus_broker_publishes_total{outcome=\"forwarded\",reason=\"none\"}"))
                .body(containsString(
                        "thingbus_broker_publishes_total{outcome=\"refused\",reason=\"invalid_json_payload\"}"))
                .body(containsString("thingbus_broker_connections_total{outcome=\"accepted\",reason=\"none\"}"))
                .body(containsString("thingbus_broker_credential_records_malformed_total"))
                .body(containsString("thingbus_broker_credentials_known")));
        given().get("/q/metrics").then()
                .body(org.hamcrest.Matchers.not(containsString(
                        "thingbus_broker_credential_records_malformed_total 0.0")))
                .body(org.hamcrest.Matchers.not(containsString(
                        "thingbus_broker_publishes_total{outcome=\"refused\",reason=\"invalid_json_payload\"} 0.0")));
    }

    @Test
    void openApiDocument_isServed() {
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body("info.title", equalTo("Thingbus broker-service"));
    }
}
