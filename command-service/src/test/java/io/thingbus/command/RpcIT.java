package io.thingbus.command;

import static io.thingbus.command.RpcApi.PATIENCE;
import static io.thingbus.command.RpcApi.as;
import static io.thingbus.command.RpcApi.awaitRoute;
import static io.thingbus.command.RpcApi.call;
import static io.thingbus.command.RpcApi.callOnceKnown;
import static io.thingbus.command.RpcApi.read;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.thingbus.command.domain.RpcKey;
import io.thingbus.command.domain.RpcSender;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Server-side RPC against the real Kafka and PostgreSQL: devices, gateway sessions, sub-device events and the gateway's
 * answers arrive as records (as device-service and broker-service write them); RPCs leave as downlink records that a
 * real consumer reads, playing the broker.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class RpcIT extends KafkaDriven {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoWayRpc_reachesTheGatewaysClientOnly_andTheCallerGetsTheDevicesAnswer() throws Exception {
        TestGateway gateway = online();

        CompletableFuture<Response> pending = CompletableFuture.supplyAsync(() -> call(gateway.tenant,
                gateway.device, "{\"method\":\"toggle_gpio\",\"params\":{\"pin\":1},\"timeout_ms\":20000}"));

        ConsumerRecord<String, byte[]> record = downlink.awaitRecord(r -> gateway.deviceKey().asString()
                .equals(r.key()) && new String(r.value(), StandardCharsets.UTF_8).contains("toggle_gpio"));
        DownlinkRecord sent = DownlinkRecord.fromHeaders(DownlinkReader.headersOf(record), record.value());
        assertThat(sent.clientId()).contains(gateway.clientId);
        assertThat(sent.topic()).isEqualTo("v1/gateway/rpc");
        assertThat(sent.tokenHash()).isEmpty();
        assertThat(sent.qos()).isEqualTo(1);
        assertThat(sent.source()).isEqualTo("//thingbus/command-service");
        JsonNode payload = JSON.readTree(record.value());
        assertThat(payload.get("device").asText()).isEqualTo(gateway.device.value());
        assertThat(payload.get("data").get("method").asText()).isEqualTo("toggle_gpio");
        assertThat(payload.get("data").get("params")).isEqualTo(JSON.readTree("{\"pin\":1}"));
        assertThat(payload.get("data").get("id").isIntegralNumber()).isTrue();
        long id = payload.get("data").get("id").asLong();
        assertThat(sent.id()).isEqualTo(RpcSender.eventId(RpcKey.of(gateway.deviceKey(), id)));
        assertThat(pending).isNotDone();

        kafka.sendTyped(Topics.DEVICE_REQUESTS, gateway.deviceKey().asString(), "io.thingbus.attribute-request.v1",
                "{}".getBytes(StandardCharsets.UTF_8), gateway.tenant.value());
        kafka.answer(gateway.answer(id, JSON.readTree("{\"success\":true,\"pin\":1}")));

        Response response = pending.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonPath answer = response.jsonPath();
        assertThat(answer.getLong("id")).isEqualTo(id);
        assertThat(answer.getString("status")).isEqualTo("succeeded");
        assertThat(answer.getMap("response")).containsEntry("success", true).containsEntry("pin", 1);
        read(gateway.tenant, gateway.device, id).then().statusCode(200)
                .body("status", equalTo("succeeded"))
                .body("method", equalTo("toggle_gpio"))
                .body("params.pin", equalTo(1))
                .body("gateway_id", equalTo(gateway.clientId))
                .body("response.pin", equalTo(1))
                .body("sent_at", notNullValue())
                .body("responded_at", notNullValue());
    }

    @Test
    void twoWayRpcWithoutAnswer_is504WithItsId_isTimedOut_andALateAnswerIsStillRecorded() throws Exception {
        TestGateway gateway = online();

        Response response = call(gateway.tenant, gateway.device, "{\"method\":\"slow\",\"timeout_ms\":500}");

        response.then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/rpc-timed-out"))
                .body("rpc_id", notNullValue())
                .body("device_id", equalTo(gateway.device.value()));
        long id = response.jsonPath().getLong("rpc_id");
        assertThat(response.header("Location")).isEqualTo("/rpc/" + gateway.device.value().replace(" ", "%20")
                + "/" + id);
        read(gateway.tenant, gateway.device, id).then().statusCode(200)
                .body("status", equalTo("timed_out")).body("response", nullValue());

        kafka.answer(gateway.answer(id, JSON.readTree("{\"value\":42}")));

        await().atMost(PATIENCE).untilAsserted(() -> read(gateway.tenant, gateway.device, id).then()
                .body("response.value", equalTo(42))
                .body("status", equalTo("timed_out")));
    }

    @Test
    void oneWayRpc_isAcceptedWith202OnceKafkaHasIt_andNeedsNoAnswer() {
        TestGateway gateway = online();

        Response response = call(gateway.tenant, gateway.device,
                "{\"method\":\"led\",\"params\":\"on\",\"one_way\":true}");

        response.then().statusCode(202).body("status", equalTo("sent")).body("one_way", equalTo(true));
        long id = response.jsonPath().getLong("id");
        ConsumerRecord<String, byte[]> record = downlink.awaitRecord(
                RpcSender.eventId(RpcKey.of(gateway.deviceKey(), id)));
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"device\":\""
                + gateway.device.value() + "\",\"data\":{\"id\":" + id + ",\"method\":\"led\",\"params\":\"on\"}}");
        read(gateway.tenant, gateway.device, id).then().body("status", equalTo("sent"))
                .body("completed_at", notNullValue());
    }

    @Test
    void rpcForASubdeviceWhoseGatewayIsOffline_isHeldAsQueued_andSentWhenTheGatewayConnectsItAgain()
            throws Exception {
        TestGateway gateway = offline();

        Response held = callOnceKnown(gateway.tenant, gateway.device,
                "{\"method\":\"reboot\",\"timeout_ms\":20000,\"expiry_ms\":120000}");

        held.then().statusCode(202).body("status", equalTo("queued")).body("sent_at", nullValue());
        long id = held.jsonPath().getLong("id");
        assertThat(held.header("Location")).endsWith("/" + id);
        read(gateway.tenant, gateway.device, id).then().body("status", equalTo("queued"));

        kafka.report(gateway.connected("c-2"));
        kafka.announce(gateway.subdeviceConnected("c-2"));

        ConsumerRecord<String, byte[]> record = downlink.awaitRecord(
                RpcSender.eventId(RpcKey.of(gateway.deviceKey(), id)));
        assertThat(DownlinkRecord.fromHeaders(DownlinkReader.headersOf(record), record.value()).clientId())
                .contains(gateway.clientId);
        assertThat(JSON.readTree(record.value()).get("data").get("method").asText()).isEqualTo("reboot");
        read(gateway.tenant, gateway.device, id).then().body("status", equalTo("sent"));

        kafka.answer(gateway.answer(id, JSON.readTree("{\"error\":\"busy\"}")));

        await().atMost(PATIENCE).untilAsserted(() -> read(gateway.tenant, gateway.device, id).then()
                .body("status", equalTo("failed")).body("response.error", equalTo("busy")));
    }

    @Test
    void heldRpcPastItsExpiry_expires_andIsNotSentWhenTheGatewayReturns() {
        TestGateway gateway = offline();

        Response held = callOnceKnown(gateway.tenant, gateway.device,
                "{\"method\":\"stale-order\",\"expiry_ms\":1000}");

        held.then().statusCode(202).body("status", equalTo("queued"));
        long id = held.jsonPath().getLong("id");
        await().atMost(PATIENCE).untilAsserted(() -> read(gateway.tenant, gateway.device, id).then()
                .body("status", equalTo("expired")).body("completed_at", notNullValue()));

        kafka.report(gateway.connected("c-2"));
        kafka.announce(gateway.subdeviceConnected("c-2"));
        awaitRoute(gateway.tenant, gateway.device);

        long marker = call(gateway.tenant, gateway.device, "{\"method\":\"marker\",\"one_way\":true}")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        downlink.awaitRecord(RpcSender.eventId(RpcKey.of(gateway.deviceKey(), marker)));

        read(gateway.tenant, gateway.device, id).then().body("status", equalTo("expired"));
        assertThat(downlink.recordsOf(gateway.deviceKey().asString()))
                .noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("stale-order"));
    }

    @Test
    void anotherTenant_neitherCallsNorReadsTheDevicesRpcs() {
        TestGateway gateway = online();
        long id = call(gateway.tenant, gateway.device, "{\"method\":\"led\",\"one_way\":true}")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        TestGateway stranger = new TestGateway();

        call(stranger.tenant, gateway.device, "{\"method\":\"led\",\"one_way\":true}").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/device-not-found"));
        read(stranger.tenant, gateway.device, id).then().statusCode(404)
                .body("type", equalTo("https://thingbus.io/problems/rpc-not-found"));
        read(gateway.tenant, gateway.device, id + 1000).then().statusCode(404);
        read(gateway.tenant, gateway.device, "abc").then().statusCode(404);
    }

    @Test
    void rpcToAPlainThingScaleDevice_is409SayingItIsNotConnectedThroughAGateway() {
        TestDevice device = TestDevice.random();
        kafka.register(device.record());

        Response response = await().atMost(PATIENCE).until(() -> call(device.tenant, device.id,
                "{\"method\":\"reboot\"}"), r -> r.statusCode() != 404);

        response.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/not-behind-gateway"))
                .body("detail", equalTo("the device is not connected through a gateway: RPC reaches only devices "
                        + "that a ThingsBoard gateway announced (v1/gateway/connect); other devices have no RPC "
                        + "topic yet"));
    }

    @Test
    void aDeviceDeletedAndRegisteredAnew_isNoLongerHeldForItsOldGateway_butRefusedAsNotBehindAGateway() {
        TestGateway gateway = offline();
        callOnceKnown(gateway.tenant, gateway.device, "{\"method\":\"reboot\"}").then().statusCode(202);

        kafka.delete(gateway.deviceKey());
        kafka.register(gateway.deviceRecord());

        await().atMost(PATIENCE).until(() -> call(gateway.tenant, gateway.device, "{\"method\":\"reboot\"}")
                .statusCode() == 409);
    }

    @Test
    void invalidRequests_areRefusedWith400NamingTheField_andWithoutTenantWith401() {
        TestGateway gateway = new TestGateway();

        call(gateway.tenant, gateway.device, "{\"method\":\"m\",\"timeout\":5}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("timeout"));
        call(gateway.tenant, gateway.device, "{\"method\":\"m\",\"timeout_ms\":3600000}").then().statusCode(400)
                .body("errors[0].field", equalTo("timeout_ms"));
        call(gateway.tenant, gateway.device, "{}").then().statusCode(400).body("errors[0].field", equalTo("method"));
        given().contentType("application/json").body("{\"method\":\"m\"}").post("/rpc/dev-1")
                .then().statusCode(401).body("type", equalTo("https://thingbus.io/problems/unauthenticated"));
        as(gateway.tenant).get("/rpc/dev-1/1").then().statusCode(404);
    }

    private static TestGateway online() {
        return RpcApi.online(kafka);
    }

    /** A gateway that announced the sub-device and went offline; the service may not have read it all yet. */
    private static TestGateway offline() {
        TestGateway gateway = new TestGateway();
        kafka.register(gateway.deviceRecord());
        kafka.report(gateway.connected("c-1"));
        kafka.announce(gateway.subdeviceDisconnected("c-1"));
        kafka.report(gateway.disconnected("c-1"));
        return gateway;
    }

}
