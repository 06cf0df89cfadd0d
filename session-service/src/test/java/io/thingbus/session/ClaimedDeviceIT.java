package io.thingbus.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.thingbus.contracts.TenantId;
import io.thingbus.testing.InfrastructureResource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A device another user claimed keeps talking through its former owner's gateway (ThingsBoard gateway API): the
 * broker writes the gateway's sub-device events under the gateway's session with the new owner as
 * {@code device_tenant}. The owner sees the device connected via that gateway, by the gateway's id only; the gateway's
 * user does not see the device.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class ClaimedDeviceIT extends LifecycleDriven {

    private static final Instant T1 = Instant.parse("2026-11-21T10:15:30.123Z");
    private static final Instant T2 = Instant.parse("2026-11-21T10:16:00Z");

    private final TestClient formerOwnersGateway = TestClient.random();
    private final TenantId claimer = TestClient.randomTenant();

    @Test
    void aClaimedDevice_isListedForItsOwner_viaTheFormerOwnersGateway_byTheGatewaysIdOnly() {
        broker.send(formerOwnersGateway.connected("c-1", "broker-7"));
        broker.announce(formerOwnersGateway.subdeviceConnectedFor(claimer, "c-1", "Device A", "thermometer", T1));

        JsonPath devices = awaitDevicesOf(claimer, List.of("Device A"));
        assertThat(devices.getString("[0].device_type")).isEqualTo("thermometer");
        assertThat(devices.getString("[0].connected_since")).isEqualTo("2026-11-21T10:15:30.123Z");
        Map<String, Object> gatewayIdOnly = new HashMap<>();
        gatewayIdOnly.put("gateway_id", formerOwnersGateway.clientId);
        gatewayIdOnly.put("client_id", null);
        gatewayIdOnly.put("broker", null);
        assertThat(devices.getMap("[0].via_gateway")).isEqualTo(gatewayIdOnly);
        as(claimer).queryParam("device_id", "Device A").get("/session/devices").then().statusCode(200)
                .body("via_gateway.gateway_id", contains(formerOwnersGateway.clientId));
        as(claimer).get("/session").then().statusCode(200).body("", empty());
    }

    @Test
    void theGatewaysUser_doesNotSeeTheClaimedDevice_inItsGatewaySessionNorAmongItsDevices() {
        broker.send(formerOwnersGateway.connected("c-1", "broker-0"));
        broker.announce(formerOwnersGateway.subdeviceConnectedFor(claimer, "c-1", "Device A", null, T1),
                formerOwnersGateway.subdeviceConnected("c-1", "Device own", null, T1));

        awaitDevicesOf(formerOwnersGateway.tenant, List.of("Device own"));
        awaitDevicesOf(claimer, List.of("Device A"));
        as(formerOwnersGateway.tenant).get("/session").then().statusCode(200)
                .body("client_id", contains(formerOwnersGateway.clientId))
                .body("[0].subdevices.device_id", contains("Device own"));
        as(formerOwnersGateway.tenant).queryParam("device_id", "Device A").get("/session").then()
                .statusCode(200).body("", empty());
        as(formerOwnersGateway.tenant).queryParam("device_id", "Device A").get("/session/devices").then()
                .statusCode(200).body("", empty());
    }

    @Test
    void theEndOfTheGatewaysSession_disconnectsTheDevicesOfEveryOwner_butAStaleDisconnectDoesNot() {
        broker.send(formerOwnersGateway.connected("c-1", "broker-0"));
        broker.announce(formerOwnersGateway.subdeviceConnectedFor(claimer, "c-1", "Device A", null, T1),
                formerOwnersGateway.subdeviceConnected("c-1", "Device own", null, T1));
        awaitDevicesOf(formerOwnersGateway.tenant, List.of("Device own"));

        broker.send(formerOwnersGateway.disconnected("c-0", "broker-1", "lost"));
        broker.announce(formerOwnersGateway.subdeviceConnectedFor(claimer, "c-1", "Device marker", null, T2));
        awaitDevicesOf(claimer, List.of("Device A", "Device marker"));

        broker.send(formerOwnersGateway.disconnected("c-1", "broker-0", "client"));

        awaitDevicesOf(claimer, List.of());
        as(formerOwnersGateway.tenant).get("/session").then().statusCode(200).body("", empty());
        as(formerOwnersGateway.tenant).get("/session/devices").then().statusCode(200).body("", empty());
    }

    @Test
    void aDeviceClaimedWhileConnected_movesToItsNewOwner_whenTheGatewayAnnouncesItAgain() {
        broker.send(formerOwnersGateway.connected("c-1", "broker-0"));
        broker.announce(formerOwnersGateway.subdeviceConnected("c-1", "Device A", "thermometer", T1));
        awaitDevicesOf(formerOwnersGateway.tenant, List.of("Device A"));

        broker.announce(formerOwnersGateway.subdeviceConnectedFor(claimer, "c-1", "Device A", null, T2));

        JsonPath devices = awaitDevicesOf(claimer, List.of("Device A"));
        assertThat(devices.getString("[0].connected_since")).isEqualTo("2026-11-21T10:16:00Z");
        assertThat(devices.getString("[0].device_type")).as("the former owner's announcement is not kept").isNull();
        as(formerOwnersGateway.tenant).get("/session/devices").then().statusCode(200).body("", empty());
        as(formerOwnersGateway.tenant).get("/session").then().statusCode(200)
                .body("", hasSize(1)).body("[0].subdevices", empty());
    }

    @Test
    void aDisconnectOfTheClaimedDevice_removesItFromItsOwnersDevices() {
        broker.send(formerOwnersGateway.connected("c-1", "broker-0"));
        broker.announce(formerOwnersGateway.subdeviceConnectedFor(claimer, "c-1", "Device A", null, T1),
                formerOwnersGateway.subdeviceConnectedFor(claimer, "c-1", "Device B", null, T1));
        awaitDevicesOf(claimer, List.of("Device A", "Device B"));

        broker.announce(formerOwnersGateway.subdeviceDisconnectedFor(claimer, "c-1", "Device A"));

        awaitDevicesOf(claimer, List.of("Device B"));
        as(claimer).get("/session/devices").then().body("[0].via_gateway.gateway_id",
                equalTo(formerOwnersGateway.clientId));
    }

    /** Waits until {@code GET /session/devices} of {@code tenant} lists exactly these devices, and returns it. */
    private static JsonPath awaitDevicesOf(TenantId tenant, List<String> devices) {
        return await().atMost(PATIENCE).until(() -> as(tenant).get("/session/devices").then().statusCode(200)
                .extract().jsonPath(), listed -> listed.getList("device_id").equals(devices));
    }
}
