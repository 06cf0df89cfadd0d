package io.thingbus.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.thingbus.launcher.DemoUser;
import io.thingbus.launcher.LocalSuite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ThingsBoard gateway program, played by a real MQTT client, against the whole running suite: one connection
 * carries several devices; everything is checked from outside, over MQTT and the REST API through the gateway.
 */
class GatewayApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalSuite suite;
    private static DemoUser user;

    private String gatewayId;
    private String device;
    private Mqtt5BlockingClient gateway;
    private Mqtt5BlockingClient.Mqtt5Publishes inbox;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        user = suite.demoUser();
    }

    @BeforeEach
    void connectGateway() {
        gatewayId = "gw-" + shortId();
        device = "Device " + shortId();
        gateway = Mqtt5Client.builder().identifier(gatewayId)
                .serverHost(suite.mqttHost()).serverPort(suite.mqttPort())
                .simpleAuth().username(user.userId()).password(user.deviceToken().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().buildBlocking();
        gateway.connect();
        inbox = gateway.publishes(MqttGlobalPublishFilter.ALL);
        for (String topic : List.of("v1/gateway/rpc", "v1/gateway/attributes", "v1/gateway/attributes/response")) {
            gateway.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
        }
        publish("v1/gateway/connect", "{\"device\":\"" + device + "\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> api(user).get("/device/{id}", device).statusCode() == 200);
    }

    @AfterEach
    void disconnectGateway() {
        inbox.close();
        gateway.disconnect();
    }

    @Test
    void connectedSubdevice_isLinkedToItsGatewayAndShownInTheSessionView() {
        api(user).get("/device/{id}", device).then().statusCode(200)
                .body("gateway_id", org.hamcrest.Matchers.equalTo(gatewayId));

        await().atMost(Duration.ofSeconds(30)).until(() -> api(user).get("/session").jsonPath()
                .getList("findAll { it.client_id == '" + gatewayId + "' }.subdevices.flatten().device_id")
                .contains(device));
    }

    @Test
    void batchedTelemetry_isStoredPerDeviceWithItsTimestamps() {
        Instant first = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant second = first.plusSeconds(30);
        publish("v1/gateway/telemetry", "{\"" + device + "\":[{\"ts\":" + first.toEpochMilli()
                + ",\"values\":{\"temperature\":42}},{\"ts\":" + second.toEpochMilli()
                + ",\"values\":{\"temperature\":43}}]}");

        String channel = api(user).get("/device/{id}", device).jsonPath().getString("channel_id");
        Response stream = await().atMost(Duration.ofSeconds(60)).until(() -> api(user)
                .header("X-STARTTIME", "2020-01-01 00:00").header("X-ENDTIME", "2099-01-01 00:00")
                .get("/stream/" + channel), r -> r.statusCode() == 200 && r.jsonPath().getInt("count") == 2);

        assertThat(stream.jsonPath().getList("points.time", String.class))
                .containsExactly(first.toString(), second.toString());
        assertThat(stream.jsonPath().getList("points.values.temperature", Integer.class)).containsExactly(42, 43);
    }

    @Test
    void sharedAttributeSetOverRest_isPushedToTheGateway_andAnsweredOnRequest() throws Exception {
        api(user).contentType("application/json").body("{\"target\":21}")
                .put("/device/{id}/attributes/shared", device).then().statusCode(org.hamcrest.Matchers.lessThan(300));

        JsonNode push = awaitMessage("v1/gateway/attributes", m -> device.equals(m.path("device").asText()));
        assertThat(push.path("data").path("target").asInt()).isEqualTo(21);

        publish("v1/gateway/attributes/request", "{\"id\":7,\"device\":\"" + device
                + "\",\"client\":false,\"key\":\"target\"}");
        JsonNode answer = awaitMessage("v1/gateway/attributes/response", m -> m.path("id").asInt() == 7);
        assertThat(answer.path("device").asText()).isEqualTo(device);
        assertThat(answer.path("value").asInt()).isEqualTo(21);
    }

    @Test
    void rpcOverRest_reachesTheGateway_andItsAnswerReturnsToTheCaller() throws Exception {
        CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> api(user).contentType("application/json")
                .body("{\"method\":\"toggle_gpio\",\"params\":{\"pin\":1},\"timeout_ms\":30000}")
                .post("/rpc/{id}", device));

        JsonNode request = awaitMessage("v1/gateway/rpc", m -> device.equals(m.path("device").asText()));
        assertThat(request.path("data").path("method").asText()).isEqualTo("toggle_gpio");
        assertThat(request.path("data").path("params").path("pin").asInt()).isEqualTo(1);
        int rpcId = request.path("data").path("id").asInt();
        publish("v1/gateway/rpc", "{\"device\":\"" + device + "\",\"id\":" + rpcId + ",\"data\":{\"success\":true}}");

        Response response = call.get(60, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("status")).isEqualTo("succeeded");
        assertThat(response.jsonPath().getBoolean("response.success")).isTrue();
    }

    @Test
    void claimingWindowOpenedByTheGateway_letsAnotherUserTakeTheDevice() {
        DemoUser claimer = newUser("Claimer");
        publish("v1/gateway/claim", "{\"" + device + "\":{\"secretKey\":\"s3cret\",\"durationMs\":60000}}");

        await().atMost(Duration.ofSeconds(60)).until(() -> api(claimer).contentType("application/json")
                .body("{\"device_id\":\"" + device + "\",\"secret_key\":\"s3cret\"}").post("/claim").statusCode() == 201);

        api(claimer).get("/device/{id}", device).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> api(user).get("/device/{id}", device).statusCode() == 404);
    }

    @Test
    void claimedDevice_keepsTalkingThroughItsGateway_toItsNewOwnerOnly() throws Exception {
        DemoUser claimer = newUser("New owner");
        publish("v1/gateway/claim", "{\"" + device + "\":{\"secretKey\":\"s3cret\",\"durationMs\":60000}}");
        await().atMost(Duration.ofSeconds(60)).until(() -> api(claimer).contentType("application/json")
                .body("{\"device_id\":\"" + device + "\",\"secret_key\":\"s3cret\"}").post("/claim").statusCode() == 201);

        // The gateway does not announce the device again: the broker re-announces it under its new owner.
        await().atMost(Duration.ofSeconds(60)).until(() -> api(claimer).get("/session/devices").jsonPath()
                .getList("findAll { it.device_id == '" + device + "' }.via_gateway.gateway_id").contains(gatewayId));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> api(claimer)
                .contentType("application/json").body("{\"method\":\"ping\",\"params\":{},\"one_way\":true}")
                .post("/rpc/{id}", device).statusCode() == 202);
        JsonNode ping = awaitMessage("v1/gateway/rpc", m -> device.equals(m.path("device").asText()));
        assertThat(ping.path("data").path("method").asText()).isEqualTo("ping");
        JsonNode view = JSON.readTree(api(claimer).get("/device/{id}", device).asString());
        assertThat(view.path("gateway_id").asText()).isEqualTo(gatewayId);
        assertThat(view.path("connected").asBoolean()).isTrue();

        Instant at = Instant.now().minusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        publish("v1/gateway/telemetry", "{\"" + device + "\":[{\"ts\":" + at.toEpochMilli()
                + ",\"values\":{\"temperature\":7}}]}");
        String channel = api(claimer).get("/device/{id}", device).jsonPath().getString("channel_id");
        Response stream = await().atMost(Duration.ofSeconds(60)).until(() -> api(claimer)
                .header("X-STARTTIME", "2020-01-01 00:00").header("X-ENDTIME", "2099-01-01 00:00")
                .get("/stream/" + channel), r -> r.statusCode() == 200 && r.jsonPath().getInt("count") == 1);
        assertThat(stream.jsonPath().getList("points.values.temperature", Integer.class)).containsExactly(7);

        CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> api(claimer)
                .contentType("application/json")
                .body("{\"method\":\"reboot\",\"params\":{},\"timeout_ms\":30000}").post("/rpc/{id}", device));
        JsonNode request = awaitMessage("v1/gateway/rpc", m -> device.equals(m.path("device").asText()));
        publish("v1/gateway/rpc", "{\"device\":\"" + device + "\",\"id\":" + request.path("data").path("id").asInt()
                + ",\"data\":{\"rebooted\":true}}");
        Response answer = call.get(60, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getBoolean("response.rebooted")).isTrue();

        api(claimer).contentType("application/json").body("{\"mode\":\"eco\"}")
                .put("/device/{id}/attributes/shared", device).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        JsonNode push = awaitMessage("v1/gateway/attributes", m -> device.equals(m.path("device").asText()));
        assertThat(push.path("data").path("mode").asText()).isEqualTo("eco");

        api(user).get("/device/{id}", device).then().statusCode(404);
        assertThat(api(user).get("/session").jsonPath()
                .getList("findAll { it.client_id == '" + gatewayId + "' }.subdevices.flatten().device_id"))
                .doesNotContain(device);
        api(user).contentType("application/json").body("{\"method\":\"reboot\",\"params\":{},\"timeout_ms\":1000}")
                .post("/rpc/{id}", device).then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
    }

    @Test
    void claimWithTheWrongSecret_isRefused() {
        publish("v1/gateway/claim", "{\"" + device + "\":{\"secretKey\":\"right\",\"durationMs\":60000}}");
        DemoUser stranger = newUser("Stranger");

        api(stranger).contentType("application/json")
                .body("{\"device_id\":\"" + device + "\",\"secret_key\":\"wrong\"}").post("/claim")
                .then().statusCode(400);
        api(user).get("/device/{id}", device).then().statusCode(200);
    }

    private static DemoUser newUser(String name) {
        return given().baseUri(suite.gatewayUrl()).header("X-Admin-Key", suite.adminKey())
                .contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"email\":\"" + shortId() + "@example.com\"}")
                .post("/admin/users").then().statusCode(201).extract().as(DemoUser.class);
    }

    private void publish(String topic, String json) {
        gateway.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(json.getBytes(StandardCharsets.UTF_8)).send();
    }

    private JsonNode awaitMessage(String topic, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            var next = inbox.receive(1, TimeUnit.SECONDS);
            if (next.isPresent() && next.get().getTopic().toString().equals(topic)) {
                JsonNode message = JSON.readTree(payload(next.get()));
                if (wanted.test(message)) {
                    return message;
                }
            }
        }
        throw new AssertionError("no matching message on " + topic + " within 60 s");
    }

    private static String payload(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }

    private static RequestSpecification api(DemoUser owner) {
        return given().baseUri(suite.gatewayUrl()).header("X-API-KEY", owner.apiKey());
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
