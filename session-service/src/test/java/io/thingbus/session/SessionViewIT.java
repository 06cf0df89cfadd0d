package io.thingbus.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.thingbus.testing.InfrastructureResource;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session events on the real lifecycle topic become the live view served by {@code GET /session}. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class SessionViewIT extends LifecycleDriven {

    @Test
    void connectedClient_isListedWithTransportVersionBrokerAndSince() {
        TestClient client = TestClient.random();
        Instant at = Instant.parse("2026-11-21T10:15:30.123Z");

        broker.send(client.connected("c-1", "broker-0", "wss", "5", at));

        JsonPath sessions = awaitSessions(client.tenant, 1);
        assertThat(sessions.getMap("[0]")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "client_id", client.clientId,
                "device_ids", List.of(),
                "transport", "wss",
                "protocol_version", "5",
                "connected_since", "2026-11-21T10:15:30.123Z",
                "broker", "broker-0",
                "subscriptions", List.of(),
                "subdevices", List.of()));
    }

    @Test
    void subscriptions_showTheirFiltersQosAndTheDevicesWhoseDownlinkTheyReceive() {
        TestClient gateway = TestClient.random();

        broker.send(gateway.connected("c-1", "broker-0"),
                gateway.subscribed("c-1", "broker-0", gateway.downlink("dev-b", 1), gateway.downlink("dev-a", 0),
                        gateway.everyDevice(), gateway.unrelated("news/#")));

        awaitSubscriptionCount(gateway, 4);
        as(gateway.tenant).get("/session").then().statusCode(200)
                .body("[0].device_ids", contains("dev-a", "dev-b", "*"))
                .body("[0].subscriptions.filter", contains("news/#", gateway.token + "/#",
                        gateway.token + "/dev-a/subscribe", gateway.token + "/dev-b/subscribe"))
                .body("[0].subscriptions.qos", contains(0, 1, 0, 1))
                .body("[0].subscriptions[0].device_id", nullValue())
                .body("[0].subscriptions[1].device_id", equalTo("*"))
                .body("[0].subscriptions[2].device_id", equalTo("dev-a"));
    }

    @Test
    void unsubscribe_removesTheFilterAndTheDeviceItCovered() {
        TestClient client = TestClient.random();
        broker.send(client.connected("c-1", "broker-0"),
                client.subscribed("c-1", "broker-0", client.downlink("dev-a", 1), client.downlink("dev-b", 1)));
        awaitSubscriptionCount(client, 2);

        broker.send(client.unsubscribed("c-1", "broker-0", client.token + "/dev-a/subscribe"));

        awaitSubscriptionCount(client, 1);
        as(client.tenant).get("/session").then().body("[0].device_ids", contains("dev-b"));
    }

    @Test
    void disconnect_removesTheSession() {
        TestClient client = TestClient.random();
        broker.send(client.connected("c-1", "broker-0"),
                client.subscribed("c-1", "broker-0", client.downlink("dev-a", 1)));
        awaitSessions(client.tenant, 1);

        broker.send(client.disconnected("c-1", "broker-0", "client"));

        awaitSessions(client.tenant, 0);
    }

    @Test
    void reconnectElsewhere_beforeTheOldBrokerReportsTheLoss_keepsTheClientOnTheNewBroker() {
        TestClient client = TestClient.random();
        broker.send(client.connected("c-1", "broker-0"),
                client.subscribed("c-1", "broker-0", client.downlink("dev-a", 1)));
        awaitSubscriptionCount(client, 1);

        broker.send(client.connected("c-2", "broker-1", "tls", "3.1.1", Instant.now()),
                client.disconnected("c-1", "broker-0", "lost"),
                client.subscribed("c-1", "broker-0", client.downlink("dev-late", 1)),
                client.subscribed("c-2", "broker-1", client.downlink("dev-b", 1)));

        awaitDevices(client, List.of("dev-b"));
        as(client.tenant).get("/session").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].broker", equalTo("broker-1"))
                .body("[0].transport", equalTo("tls"));
    }

    @Test
    void anotherTenantsSessions_areInvisible() {
        TestClient client = TestClient.random();
        broker.send(client.connected("c-1", "broker-0"),
                client.subscribed("c-1", "broker-0", client.downlink("dev-a", 1)));
        awaitSubscriptionCount(client, 1);

        as(TestClient.randomTenant()).get("/session").then().statusCode(200).body("", empty());
        as(TestClient.randomTenant()).queryParam("device_id", "dev-a").get("/session")
                .then().statusCode(200).body("", empty());
    }

    @Test
    void filters_byDeviceAndTransport_narrowTheList() {
        TestClient tcp = TestClient.random();
        TestClient ws = tcp.sibling("ws-client");
        broker.send(tcp.connected("t-1", "broker-0", "tcp", "3.1.1", Instant.parse("2026-11-21T10:00:00Z")),
                tcp.subscribed("t-1", "broker-0", tcp.downlink("dev-a", 1)),
                ws.connected("w-1", "broker-0", "ws", "3.1", Instant.parse("2026-11-21T10:00:01Z")),
                ws.subscribed("w-1", "broker-0", ws.downlink("dev-a", 1), ws.everyDevice()));
        await().atMost(PATIENCE).untilAsserted(() -> as(tcp.tenant).get("/session").then()
                .body("client_id", contains(tcp.clientId, "ws-client"))
                .body("[1].subscriptions", hasSize(2)));

        as(tcp.tenant).queryParam("device_id", "dev-a").get("/session").then()
                .body("client_id", contains(tcp.clientId, "ws-client"));
        as(tcp.tenant).queryParam("transport", "ws").get("/session").then().body("client_id", contains("ws-client"));
        as(tcp.tenant).queryParam("device_id", "*").get("/session").then().body("client_id", contains("ws-client"));
        as(tcp.tenant).queryParam("device_id", "dev-a").queryParam("transport", "tcp").get("/session").then()
                .body("client_id", contains(tcp.clientId));
        as(tcp.tenant).queryParam("device_id", "dev-zzz").get("/session").then().body("", empty());
    }

    @Test
    void replayedRecords_leaveTheSameView() {
        TestClient client = TestClient.random();
        List<SessionEventRecord> history = List.of(
                client.connected("c-1", "broker-0"),
                client.subscribed("c-1", "broker-0", client.downlink("dev-a", 1)),
                client.connected("c-2", "broker-1"),
                client.subscribed("c-2", "broker-1", client.downlink("dev-b", 1), client.downlink("dev-c", 1)),
                client.disconnected("c-1", "broker-0", "takeover"),
                client.unsubscribed("c-2", "broker-1", client.token + "/dev-c/subscribe"));
        broker.send(history);
        awaitDevices(client, List.of("dev-b"));
        String before = as(client.tenant).get("/session").asString();

        broker.send(history);
        broker.send(client.subscribed("c-2", "broker-1", client.unrelated("marker")));

        awaitSubscriptionCount(client, 2);
        JsonPath after = as(client.tenant).get("/session").jsonPath();
        assertThat(after.getList("")).hasSize(1);
        assertThat(after.getList("[0].device_ids")).containsExactly("dev-b");
        assertThat(after.getString("[0].broker")).isEqualTo("broker-1");
        assertThat(after.getString("[0].connected_since"))
                .isEqualTo(JsonPath.from(before).getString("[0].connected_since"));
    }

    @Test
    void malformedRecord_isSkipped_andTheClientsLaterEventsStillApply() {
        TestClient client = TestClient.random();
        String key = client.tenant.value() + "/" + client.clientId;
        double skippedBefore = rejectedCount("malformed-record");

        broker.sendRaw(key, "{\"event\":\"teleported\"}".getBytes(StandardCharsets.UTF_8));
        broker.sendRaw(key, null);
        broker.send(client.connected("c-1", "broker-0"));

        awaitSessions(client.tenant, 1);
        assertThat(rejectedCount("malformed-record")).isGreaterThanOrEqualTo(skippedBefore + 2);
    }

    @Test
    void invalidTransportFilter_isRefusedWith400NamingTheParameter() {
        as(TestClient.randomTenant()).queryParam("transport", "udp").get("/session").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/invalid-request"))
                .body("errors[0].field", equalTo("transport"));
    }

    @Test
    void requestWithoutTenant_isRefusedWith401() {
        given().get("/session").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/unauthenticated"))
                .body("status", equalTo(401));
    }

    private static JsonPath awaitSessions(TenantId tenant, int count) {
        return await().atMost(PATIENCE).until(() -> as(tenant).get("/session").then().statusCode(200)
                .extract().jsonPath(), sessions -> sessions.getList("").size() == count);
    }

    private static void awaitSubscriptionCount(TestClient client, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> as(client.tenant).get("/session").then().statusCode(200)
                .body("", hasSize(1)).body("[0].subscriptions", hasSize(count)));
    }

    private static void awaitDevices(TestClient client, List<String> devices) {
        await().atMost(PATIENCE).untilAsserted(() -> as(client.tenant).get("/session").then().statusCode(200)
                .body("", hasSize(1)).body("[0].device_ids", equalTo(devices)));
    }

    private static double rejectedCount(String reason) {
        String metrics = given().accept("text/plain").get("/q/metrics").asString();
        return metrics.lines()
                .filter(l -> l.startsWith("thingbus_session_lifecycle_rejected_total{")
                        && l.contains("reason=\"" + reason + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
