package io.thingbus.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.TenantId;
import io.thingbus.testing.InfrastructureResource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sub-device events of the ThingsBoard gateway API (as broker-service writes them on the real lifecycle topic) become
 * the gateway's {@code subdevices} in {@code GET /session} and the list of {@code GET /session/devices}.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class SubdeviceConnectivityIT extends LifecycleDriven {

    private static final Instant T1 = Instant.parse("2026-11-21T10:15:30.123Z");
    private static final Instant T2 = Instant.parse("2026-11-21T10:16:00Z");

    @Test
    void subdevicesAGatewayConnects_areListedInItsSession_andAsDevicesViaTheGateway() {
        TestClient gateway = TestClient.random();
        broker.send(gateway.connected("c-1", "broker-7"));
        broker.announce(gateway.subdeviceConnected("c-1", "Device B", null, T2),
                gateway.subdeviceConnected("c-1", "Device A", "thermometer", T1));

        awaitSubdevices(gateway, List.of("Device A", "Device B"));
        as(gateway.tenant).get("/session").then().statusCode(200)
                .body("[0].client_id", equalTo(gateway.clientId))
                .body("[0].subdevices[0].device_type", equalTo("thermometer"))
                .body("[0].subdevices[0].connected_since", equalTo("2026-11-21T10:15:30.123Z"))
                .body("[0].subdevices[1].device_type", nullValue())
                .body("[0].subdevices[1].connected_since", equalTo("2026-11-21T10:16:00Z"));
        as(gateway.tenant).get("/session/devices").then().statusCode(200)
                .body("device_id", contains("Device A", "Device B"))
                .body("[0].device_type", equalTo("thermometer"))
                .body("[0].connected_since", equalTo("2026-11-21T10:15:30.123Z"))
                .body("[0].via_gateway.gateway_id", equalTo(gateway.clientId))
                .body("[0].via_gateway.client_id", equalTo(gateway.clientId))
                .body("[0].via_gateway.broker", equalTo("broker-7"));
    }

    @Test
    void aSubdeviceTheGatewayDisconnects_isNoLongerListed() {
        TestClient gateway = TestClient.random();
        broker.send(gateway.connected("c-1", "broker-0"));
        broker.announce(gateway.subdeviceConnected("c-1", "Device A", null, T1),
                gateway.subdeviceConnected("c-1", "Device B", null, T1));
        awaitSubdevices(gateway, List.of("Device A", "Device B"));

        broker.announce(gateway.subdeviceDisconnected("c-1", "Device A"));

        awaitSubdevices(gateway, List.of("Device B"));
        as(gateway.tenant).get("/session/devices").then().body("device_id", contains("Device B"));
    }

    @Test
    void theEndOfTheGatewaysSession_disconnectsAllItsSubdevices() {
        TestClient gateway = TestClient.random();
        broker.send(gateway.connected("c-1", "broker-0"));
        broker.announce(gateway.subdeviceConnected("c-1", "Device A", null, T1));
        awaitSubdevices(gateway, List.of("Device A"));

        broker.send(gateway.disconnected("c-1", "broker-0", "lost"));

        await().atMost(PATIENCE).untilAsserted(() -> as(gateway.tenant).get("/session").then().body("", empty()));
        as(gateway.tenant).get("/session/devices").then().statusCode(200).body("", empty());
    }

    @Test
    void aNewConnectionOfTheGateway_startsWithoutTheOldConnectionsSubdevices() {
        TestClient gateway = TestClient.random();
        broker.send(gateway.connected("c-1", "broker-0"));
        broker.announce(gateway.subdeviceConnected("c-1", "Device A", null, T1));
        awaitSubdevices(gateway, List.of("Device A"));

        broker.send(gateway.connected("c-2", "broker-1"));
        broker.announce(gateway.subdeviceConnected("c-1", "Device late", null, T2),
                gateway.subdeviceConnected("c-2", "Device B", null, T2));

        awaitSubdevices(gateway, List.of("Device B"));
        as(gateway.tenant).get("/session").then().body("[0].broker", equalTo("broker-1"));
    }

    @Test
    void aDeviceFilter_findsTheGatewaySessionTheDeviceIsConnectedThrough() {
        TestClient gateway = TestClient.random();
        TestClient otherGateway = gateway.sibling("gw-other");
        broker.send(gateway.connected("c-1", "broker-0"), otherGateway.connected("o-1", "broker-0"));
        broker.announce(gateway.subdeviceConnected("c-1", "Device A", null, T1),
                otherGateway.subdeviceConnected("o-1", "Device B", null, T1));
        await().atMost(PATIENCE).untilAsserted(() -> as(gateway.tenant).get("/session/devices").then()
                .body("device_id", contains("Device A", "Device B")));

        as(gateway.tenant).queryParam("device_id", "Device B").get("/session").then()
                .body("client_id", contains("gw-other"));
        as(gateway.tenant).queryParam("device_id", "Device A").get("/session/devices").then()
                .body("", hasSize(1)).body("[0].via_gateway.client_id", equalTo(gateway.clientId));
    }

    @Test
    void anotherTenantsSubdevices_areInvisible() {
        TestClient gateway = TestClient.random();
        broker.send(gateway.connected("c-1", "broker-0"));
        broker.announce(gateway.subdeviceConnected("c-1", "Device A", null, T1));
        awaitSubdevices(gateway, List.of("Device A"));

        TenantId stranger = TestClient.randomTenant();
        as(stranger).get("/session/devices").then().statusCode(200).body("", empty());
        as(stranger).queryParam("device_id", "Device A").get("/session/devices").then().body("", empty());
        as(stranger).queryParam("device_id", "Device A").get("/session").then().body("", empty());
    }

    @Test
    void anImpossibleDeviceId_isRefusedWith400NamingTheParameter() {
        as(TestClient.randomTenant()).queryParam("device_id", "a/b").get("/session/devices").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("device_id"));
    }

    @Test
    void devicesRequestWithoutTenant_isRefusedWith401() {
        given().get("/session/devices").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/unauthenticated"));
    }

    private static void awaitSubdevices(TestClient gateway, List<String> devices) {
        await().atMost(PATIENCE).untilAsserted(() -> as(gateway.tenant).get("/session").then().statusCode(200)
                .body("", hasSize(1)).body("[0].subdevices.device_id", equalTo(devices)));
    }
}
