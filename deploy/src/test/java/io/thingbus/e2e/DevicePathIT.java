package io.thingbus.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.restassured.response.Response;
import io.thingbus.launcher.DemoUser;
import io.thingbus.launcher.LocalSuite;
import io.thingbus.launcher.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole suite as a user runs it (every service from its packaged app, real Kafka, real PostgreSQL), driven from
 * outside: a real MQTT client publishes, a REST client reads back through the gateway.
 */
class DevicePathIT {

    private static final String START = "2020-01-01 00:00";
    private static final String END = "2099-12-31 23:59";

    private static LocalSuite suite;
    private static DemoUser user;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        user = suite.demoUser();
    }

    @Test
    void publishAtQos1_isReadBackThroughTheGateway() {
        String device = "dev-" + shortId();
        try (var client = connect(user)) {
            client.publishWith().topic(user.deviceToken() + "/json/" + device)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"temp\":20,\"humidity\":50}".getBytes(StandardCharsets.UTF_8))
                    .send();
        }

        String channel = awaitChannelOf(user, device);
        Response stream = awaitPoints(user, channel, 1);

        stream.then().body("points[0].values.temp", equalTo(20))
                .body("points[0].values.humidity", equalTo(50));
        assertThat(stream.jsonPath().getString("points[0].time")).startsWith("20");
    }

    @Test
    void publishWithAnotherUsersToken_isRefusedAndNothingIsStored() {
        DemoUser other = createUser();
        String device = "dev-" + shortId();
        try (var client = connect(user)) {
            assertThatThrownBy(() -> client.publishWith().topic(other.deviceToken() + "/json/" + device)
                    .qos(MqttQos.AT_LEAST_ONCE).payload("{\"temp\":99}".getBytes(StandardCharsets.UTF_8)).send())
                    .isInstanceOfSatisfying(Mqtt5PubAckException.class, e -> assertThat(
                            e.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
            // A valid publish behind it: once it is stored, the refused one would have been too.
            client.publishWith().topic(user.deviceToken() + "/json/" + device).qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"temp\":1}".getBytes(StandardCharsets.UTF_8)).send();
        }

        awaitPoints(user, awaitChannelOf(user, device), 1);
        withKey(other).get("/device/" + device).then().statusCode(404);
        withKey(user).get("/device").then().statusCode(200);
        assertThat(withKey(other).get("/device").jsonPath().getList("device_id", String.class))
                .doesNotContain(device);
    }

    @Test
    void streamServiceRestartWithOffsetsLost_storesNothingTwice() throws Exception {
        String device = "dev-" + shortId();
        publishSequence(device, 0, 5);
        String channel = awaitChannelOf(user, device);
        awaitPoints(user, channel, 5);

        suite.stop(ServiceSpec.STREAM, false);
        forgetCommittedOffsets("stream-service");
        publishSequence(device, 5, 10);
        suite.startAgain(ServiceSpec.STREAM);

        Response stream = awaitPoints(user, channel, 10);
        assertThat(stream.jsonPath().getList("points.values.seq", Integer.class))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void valueCrossingAThreshold_sendsOneMailToTheDevelopmentSink() throws Exception {
        String device = "dev-" + shortId();
        publishJson(device, "{\"temp\":20}");
        String channel = awaitChannelOf(user, device);
        String rule = "{\"name\":\"too warm\",\"channel_id\":\"" + channel + "\",\"field\":\"temp\","
                + "\"operator\":\">\",\"threshold\":30,\"actions\":{\"email\":[\"ops-" + device + "@example.com\"]}}";
        await().atMost(Duration.ofSeconds(60)).until(() -> withKey(user).contentType("application/json").body(rule)
                .post("/event").statusCode() == 201);

        publishJson(device, "{\"temp\":31}");
        publishJson(device, "{\"temp\":32}");

        Path mail = await().atMost(Duration.ofSeconds(60)).until(() -> mailTo("ops-" + device), m -> m.size() == 1)
                .get(0);
        assertThat(Files.readString(mail)).contains("temp");
        assertThat(mailTo("ops-" + device)).hasSize(1);
    }

    @Test
    void publishApi_deliversToTheDeviceSubscribedToItsDownlinkTopic() throws Exception {
        String device = "dev-" + shortId();
        publishJson(device, "{\"temp\":1}");
        awaitChannelOf(user, device);
        try (var subscriber = connect(user);
             var publishes = subscriber.client().publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL)) {
            subscriber.client().subscribeWith().topicFilter(user.deviceToken() + "/" + device + "/subscribe")
                    .qos(MqttQos.AT_LEAST_ONCE).send();
            await().atMost(Duration.ofSeconds(30)).until(() -> withKey(user).contentType("application/json")
                    .body("{\"led\":\"on\"}").post("/publish/" + device).jsonPath().getBoolean("subscribed"));

            var received = publishes.receive(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(received).isPresent();
            assertThat(new String(received.get().getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"led\":\"on\"}");
            assertThat(received.get().getTopic().toString()).isEqualTo(user.deviceToken() + "/" + device + "/subscribe");
        }
    }

    @Test
    void requestWithoutApiKey_isRefusedWithAProblem() {
        given().baseUri(suite.gatewayUrl()).get("/device").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    private static void publishJson(String device, String json) {
        try (var client = connect(user)) {
            client.publishWith().topic(user.deviceToken() + "/json/" + device).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(json.getBytes(StandardCharsets.UTF_8)).send();
        }
    }

    private static List<Path> mailTo(String recipient) throws java.io.IOException {
        try (var files = Files.list(suite.mail().folder())) {
            return files.filter(f -> {
                try {
                    return Files.readString(f).contains(recipient);
                } catch (java.io.IOException e) {
                    return false;
                }
            }).toList();
        }
    }

    private static void publishSequence(String device, int from, int to) {
        try (var client = connect(user)) {
            for (int seq = from; seq < to; seq++) {
                client.publishWith().topic(user.deviceToken() + "/json/" + device).qos(MqttQos.AT_LEAST_ONCE)
                        .payload(("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8)).send();
            }
        }
    }

    private static void forgetCommittedOffsets(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                suite.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    admin.deleteConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS));
        }
    }

    private static String awaitChannelOf(DemoUser owner, String device) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> withKey(owner).get("/device/" + device),
                r -> r.statusCode() == 200).jsonPath().getString("channel_id");
    }

    private static Response awaitPoints(DemoUser owner, String channel, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> withKey(owner).header("X-STARTTIME", START).header("X-ENDTIME", END).get("/stream/" + channel),
                r -> r.statusCode() == 200 && r.jsonPath().getList("points").size() >= count);
    }

    private static io.restassured.specification.RequestSpecification withKey(DemoUser owner) {
        return given().baseUri(suite.gatewayUrl()).header("X-API-KEY", owner.apiKey());
    }

    private static DemoUser createUser() {
        return given().baseUri(suite.gatewayUrl()).header("X-Admin-Key", suite.adminKey())
                .contentType("application/json").body("{\"name\":\"Other\",\"email\":\"other@example.com\"}")
                .post("/admin/users").then().statusCode(201).extract().as(DemoUser.class);
    }

    private static ClosableClient connect(DemoUser owner) {
        Mqtt5BlockingClient client = Mqtt5Client.builder()
                .identifier(owner.userId().substring(0, 6) + "_" + shortId())
                .serverHost(suite.mqttHost()).serverPort(suite.mqttPort())
                .simpleAuth().username(owner.userId())
                .password(owner.deviceToken().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .buildBlocking();
        client.connect();
        return new ClosableClient(client);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** An MQTT client that disconnects when the try block ends. */
    private record ClosableClient(Mqtt5BlockingClient client) implements AutoCloseable {
        Mqtt5PublishBuilder.Send<Mqtt5PublishResult> publishWith() {
            return client.publishWith();
        }

        @Override
        public void close() {
            client.disconnect();
        }
    }
}
