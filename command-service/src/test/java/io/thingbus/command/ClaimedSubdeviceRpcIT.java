package io.thingbus.command;

import static io.thingbus.command.RpcApi.PATIENCE;
import static io.thingbus.command.RpcApi.awaitRoute;
import static io.thingbus.command.RpcApi.call;
import static io.thingbus.command.RpcApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.thingbus.command.domain.RpcKey;
import io.thingbus.command.domain.RpcSender;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.testing.InfrastructureResource;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * RPC to a device another user claimed away from the owner of the gateway that carries it (ThingsBoard's
 * {@code v1/gateway/claim}): the gateway keeps its session as user A, and the broker announces the sub-device for
 * its new owner B ({@code device_tenant}). Against the real Kafka and PostgreSQL, with the records device-service and
 * broker-service write: B's RPCs leave as B's downlink records addressed to A's gateway client, B's answers complete
 * them, and A no longer reaches the device.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class ClaimedSubdeviceRpcIT extends KafkaDriven {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rpcOfTheClaimer_isSentAsItsOwnDownlinkToTheFormerOwnersGatewayClient_andItsAnswerCompletesIt()
            throws Exception {
        TestGateway gateway = new TestGateway();
        TenantId claimer = TestDevice.randomTenant();
        claimAwayWhileOnline(gateway, claimer);
        DeviceKey claimed = DeviceKey.of(claimer, gateway.device);

        CompletableFuture<Response> pending = CompletableFuture.supplyAsync(() -> call(claimer, gateway.device,
                "{\"method\":\"toggle_gpio\",\"params\":{\"pin\":1},\"timeout_ms\":20000}"));

        ConsumerRecord<String, byte[]> record = downlink.awaitRecord(r -> claimed.asString().equals(r.key())
                && new String(r.value(), StandardCharsets.UTF_8).contains("toggle_gpio"));
        DownlinkRecord sent = DownlinkRecord.fromHeaders(DownlinkReader.headersOf(record), record.value());
        assertThat(sent.tenant()).isEqualTo(claimer);
        assertThat(sent.device()).isEqualTo(gateway.device);
        assertThat(sent.topic()).isEqualTo("v1/gateway/rpc");
        assertThat(sent.clientId()).contains(gateway.clientId);
        long id = JSON.readTree(record.value()).get("data").get("id").asLong();
        assertThat(JSON.readTree(record.value()).get("device").asText()).isEqualTo(gateway.device.value());
        assertThat(sent.id()).isEqualTo(RpcSender.eventId(RpcKey.of(claimed, id)));

        kafka.answer(gateway.answerFor(claimer, id, JSON.readTree("{\"success\":true,\"pin\":1}")));

        Response response = pending.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("status")).isEqualTo("succeeded");
        assertThat(response.jsonPath().getMap("response")).containsEntry("pin", 1);
        read(claimer, gateway.device, id).then().statusCode(200)
                .body("status", equalTo("succeeded"))
                .body("gateway_id", equalTo(gateway.clientId));
    }

    @Test
    void rpcOfTheClaimerWhileTheFormerOwnersGatewayIsOffline_isHeld_andSentWhenTheGatewayAnnouncesTheDeviceAgain()
            throws Exception {
        TestGateway gateway = new TestGateway();
        TenantId claimer = TestDevice.randomTenant();
        claimAwayWhileOnline(gateway, claimer);

        kafka.report(gateway.disconnected("c-1"));
        awaitHeld(claimer, gateway.device);
        Response held = call(claimer, gateway.device,
                "{\"method\":\"reboot\",\"timeout_ms\":20000,\"expiry_ms\":120000}");
        held.then().statusCode(202).body("status", equalTo("queued"));
        long id = held.jsonPath().getLong("id");

        kafka.report(gateway.connected("c-2"));
        kafka.announce(gateway.subdeviceConnectedFor(claimer, "c-2"));

        ConsumerRecord<String, byte[]> record = downlink.awaitRecord(
                RpcSender.eventId(RpcKey.of(DeviceKey.of(claimer, gateway.device), id)));
        DownlinkRecord sent = DownlinkRecord.fromHeaders(DownlinkReader.headersOf(record), record.value());
        assertThat(sent.tenant()).isEqualTo(claimer);
        assertThat(sent.clientId()).contains(gateway.clientId);
        assertThat(JSON.readTree(record.value()).get("data").get("method").asText()).isEqualTo("reboot");
        read(claimer, gateway.device, id).then().body("status", equalTo("sent"));

        kafka.answer(gateway.answerFor(claimer, id, JSON.readTree("{\"error\":\"busy\"}")));

        await().atMost(PATIENCE).untilAsserted(() -> read(claimer, gateway.device, id).then()
                .body("status", equalTo("failed")).body("response.error", equalTo("busy")));
    }

    @Test
    void theFormerOwner_getsDeviceNotFoundForTheClaimedDevice_andNothingIsSentForIt() {
        TestGateway gateway = new TestGateway();
        TenantId claimer = TestDevice.randomTenant();
        claimAwayWhileOnline(gateway, claimer);

        await().atMost(PATIENCE).until(() -> call(gateway.tenant, gateway.device,
                "{\"method\":\"probe\",\"one_way\":true}").statusCode() == 404);

        call(gateway.tenant, gateway.device, "{\"method\":\"unlock\",\"one_way\":true}").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/device-not-found"));
        long marker = call(claimer, gateway.device, "{\"method\":\"marker\",\"one_way\":true}")
                .then().statusCode(202).body("status", equalTo("sent")).extract().jsonPath().getLong("id");
        downlink.awaitRecord(RpcSender.eventId(RpcKey.of(DeviceKey.of(claimer, gateway.device), marker)));
        assertThat(downlink.recordsOf(gateway.deviceKey().asString()))
                .noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("unlock"));
    }

    @Test
    void afterTheFormerOwnerTookTheDeviceBack_theClaimersRpcIsHeld_notSentToTheFormerOwnersGateway() {
        TestGateway gateway = new TestGateway();
        TenantId claimer = TestDevice.randomTenant();
        claimAwayWhileOnline(gateway, claimer);

        kafka.register(gateway.deviceRecord());
        kafka.announce(gateway.subdeviceConnected("c-1"));
        awaitRoute(gateway.tenant, gateway.device);

        call(claimer, gateway.device, "{\"method\":\"open_door\",\"one_way\":true}").then().statusCode(202)
                .body("status", equalTo("queued")).body("gateway_id", nullValue());
    }

    /**
     * The gateway of A (its own tenant) connects and announces its sub-device, which A reaches; then B claims it
     * (device-service deletes A's entry and registers B's) and the gateway announces the device again, now named for
     * B by the broker. Returns once an RPC of B is sent at once. A's RPC that waited for the route is sent: the
     * service then knew A's device, so a later 404 for A means it read the deletion.
     */
    private static void claimAwayWhileOnline(TestGateway gateway, TenantId claimer) {
        kafka.register(gateway.deviceRecord());
        kafka.report(gateway.connected("c-1"));
        kafka.announce(gateway.subdeviceConnected("c-1"));
        awaitRoute(gateway.tenant, gateway.device);
        kafka.delete(gateway.deviceKey());
        kafka.register(gateway.claimedBy(claimer));
        kafka.announce(gateway.subdeviceConnectedFor(claimer, "c-1"));
        awaitRoute(claimer, gateway.device);
    }

    /** Sends one-way probes until one is held: the service has read the end of the gateway's session. */
    private static void awaitHeld(TenantId tenant, DeviceId device) {
        await().atMost(PATIENCE).until(() -> "queued".equals(call(tenant, device,
                "{\"method\":\"probe\",\"one_way\":true,\"expiry_ms\":1000}").jsonPath().getString("status")));
    }
}
