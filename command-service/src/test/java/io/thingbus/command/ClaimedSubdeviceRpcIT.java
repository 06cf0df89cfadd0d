package io.thingbus.command;

import static io.thingbus.command.RpcApi.PATIENCE;
import static io.thingbus.command.RpcApi.awaitRoute;
import static io.thingbus.command.RpcApi.call;
import static io.thingbus.command.RpcApi.callOnceKnown;
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
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.testing.InfrastructureResource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

    @Test
    void afterAClaim_theClaimersRpcsNeverGetTheNumberOfTheFormerOwnersRpc_soItsAnswerCompletesNothingOfTheClaimer()
            throws Exception {
        TestGateway gateway = new TestGateway();
        TenantId claimer = TestDevice.randomTenant();
        kafka.register(gateway.deviceRecord());
        kafka.report(gateway.connected("c-1"));
        kafka.announce(gateway.subdeviceConnected("c-1"));
        awaitRoute(gateway.tenant, gateway.device);
        long formerOwners = call(gateway.tenant, gateway.device, "{\"method\":\"for_a\",\"one_way\":true}")
                .then().statusCode(202).body("status", equalTo("sent")).extract().jsonPath().getLong("id");

        kafka.delete(gateway.deviceKey());
        kafka.register(gateway.claimedBy(claimer));
        kafka.announce(gateway.subdeviceConnectedFor(claimer, "c-1"));
        long claimersFirst = callOnceKnown(claimer, gateway.device,
                "{\"method\":\"probe\",\"one_way\":true,\"expiry_ms\":1000}").jsonPath().getLong("id");
        assertThat(claimersFirst).isGreaterThan(formerOwners);
        awaitRoute(claimer, gateway.device);
        PendingRpc claimers = callAndAwaitDownlink(claimer, gateway, "for_b");
        assertThat(claimers.id()).isGreaterThan(formerOwners);

        kafka.answer(gateway.answerFor(claimer, formerOwners, JSON.readTree("{\"from\":\"a\"}")));
        kafka.answer(gateway.answerFor(claimer, claimers.id(), JSON.readTree("{\"from\":\"b\"}")));

        Response response = claimers.response().get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("response.from")).isEqualTo("b");
        read(claimer, gateway.device, formerOwners).then().statusCode(404);
    }

    @Test
    void anAnswerNamingAnRpcHeldWhileTheGatewayIsOffline_completesNothing_andTheRpcTakesItsAnswerOnceSent()
            throws Exception {
        TestGateway gateway = new TestGateway();
        TenantId claimer = TestDevice.randomTenant();
        claimAwayWhileOnline(gateway, claimer);
        PendingRpc marker = callAndAwaitDownlink(claimer, gateway, "marker");
        kafka.report(gateway.disconnected("c-1"));
        awaitHeld(claimer, gateway.device);
        long held = call(claimer, gateway.device, "{\"method\":\"reboot\",\"timeout_ms\":20000,\"expiry_ms\":120000}")
                .then().statusCode(202).body("status", equalTo("queued")).extract().jsonPath().getLong("id");

        kafka.answer(gateway.answerFor(claimer, held, JSON.readTree("{\"from\":\"nobody asked\"}")));
        kafka.answer(gateway.answerFor(claimer, marker.id(), JSON.readTree("{\"from\":\"marker\"}")));
        assertThat(marker.response().get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        read(claimer, gateway.device, held).then().statusCode(200)
                .body("status", equalTo("queued")).body("responded_at", nullValue());

        kafka.report(gateway.connected("c-2"));
        kafka.announce(gateway.subdeviceConnectedFor(claimer, "c-2"));
        downlink.awaitRecord(RpcSender.eventId(RpcKey.of(DeviceKey.of(claimer, gateway.device), held)));
        kafka.answer(gateway.answerFor(claimer, held, JSON.readTree("{\"from\":\"gateway\"}")));

        await().atMost(PATIENCE).untilAsserted(() -> read(claimer, gateway.device, held).then()
                .body("status", equalTo("succeeded")).body("response.from", equalTo("gateway")));
    }

    @Test
    void anAnswerFromAnotherGatewayThanTheOneTheRpcWasSentTo_completesNothing() throws Exception {
        TestGateway gateway = new TestGateway();
        TenantId claimer = TestDevice.randomTenant();
        claimAwayWhileOnline(gateway, claimer);
        PendingRpc pending = callAndAwaitDownlink(claimer, gateway, "read_temperature");

        kafka.answer(new RpcResponseRecord(claimer, gateway.device, Long.toString(pending.id()),
                JSON.readTree("{\"from\":\"another gateway\"}"), DeviceId.of("gw-other"), Instant.now()));
        kafka.answer(gateway.answerFor(claimer, pending.id(), JSON.readTree("{\"from\":\"gateway\"}")));

        Response response = pending.response().get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("response.from")).isEqualTo("gateway");
    }

    /** A two-way RPC of {@code tenant} whose call is still waiting, and its number. */
    private record PendingRpc(long id, CompletableFuture<Response> response) {
    }

    /** Calls {@code method} two-way (the call waits in the background) and returns once its downlink is written. */
    private static PendingRpc callAndAwaitDownlink(TenantId tenant, TestGateway gateway, String method)
            throws Exception {
        CompletableFuture<Response> response = CompletableFuture.supplyAsync(() -> call(tenant, gateway.device,
                "{\"method\":\"" + method + "\",\"timeout_ms\":25000}"));
        String key = DeviceKey.of(tenant, gateway.device).asString();
        ConsumerRecord<String, byte[]> record = downlink.awaitRecord(r -> key.equals(r.key())
                && method.equals(methodOf(r.value())));
        return new PendingRpc(JSON.readTree(record.value()).get("data").get("id").asLong(), response);
    }

    private static String methodOf(byte[] value) {
        try {
            return JSON.readTree(value).path("data").path("method").asText();
        } catch (java.io.IOException e) {
            return "";
        }
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
