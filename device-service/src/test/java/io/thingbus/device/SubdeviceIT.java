package io.thingbus.device;

import static io.thingbus.device.Registry.asTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ThingsBoard's v1/gateway/connect and disconnect, as the lifecycle records broker-service writes for them. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class SubdeviceIT extends GatewayScenario {

    @Test
    void connectOfAnUnknownSubdevice_registersItWithTheGatewaysTokenAndLinksItToTheGateway() {
        String gatewayToken = Registry.issueDeviceToken(user.userId());

        broker.send(BrokerRecords.connect(user.userId(), "Device A", gateway, "c-1", gatewayToken));

        JsonPath device = awaitDevice(user.userId(), "Device A");
        assertThat(device.getString("provisioning")).isEqualTo("auto");
        assertThat(device.getString("device_token")).isEqualTo(gatewayToken);
        assertThat(device.getString("gateway_id")).isEqualTo(gateway);
        assertThat(device.getBoolean("connected")).isTrue();
        assertThat(device.getString("last_seen_at")).isNotNull();
        asTenant(user.userId()).get("/device/{id}/devices", gateway)
                .then().statusCode(200)
                .body("device_id", contains("Device A"))
                .body("[0].connected", equalTo(true));
        try (TopicReader devices = new TopicReader(Topics.DEVICES)) {
            DeviceRecord record = DeviceRecord.CODEC.decode(
                    devices.awaitRecords(user.userId() + "/Device A", 1).get(0).value());
            assertThat(record.provisioning()).isEqualTo("auto");
            assertThat(record.tokenHash()).isEqualTo(SecretHash.of(gatewayToken));
        }
    }

    @Test
    void connectOfADeviceCreatedOverRest_linksItWithoutChangingIt() {
        asTenant(user.userId()).post("/device/{id}", "thermo").then().statusCode(201);

        broker.send(BrokerRecords.connect(user.userId(), "thermo", gateway, "c-1", user.deviceToken()));

        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(user.userId()).get("/device/{id}", "thermo")
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("provisioning", equalTo("api"))
                .body("gateway_id", equalTo(gateway))
                .body("connected", equalTo(true)));
    }

    @Test
    void disconnect_marksTheSubdeviceDisconnectedAndKeepsItsLastGateway() {
        broker.send(BrokerRecords.connect(user.userId(), "Device A", gateway, "c-1", user.deviceToken()));
        String connectedAt = awaitDevice(user.userId(), "Device A").getString("last_seen_at");

        broker.send(BrokerRecords.disconnect(user.userId(), "Device A", gateway, "c-1"));

        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(user.userId())
                .get("/device/{id}", "Device A")
                .then().statusCode(200)
                .body("connected", equalTo(false))
                .body("gateway_id", equalTo(gateway)));
        Instant lastSeen = Instant.parse(asTenant(user.userId()).get("/device/{id}", "Device A")
                .jsonPath().getString("last_seen_at"));
        assertThat(lastSeen).isAfterOrEqualTo(Instant.parse(connectedAt));
        asTenant(user.userId()).get("/device/{id}/devices", gateway)
                .then().statusCode(200).body("device_id", contains("Device A"));
    }

    @Test
    void endOfTheGatewaysSession_disconnectsTheSubdevicesItAnnouncedOverIt() {
        String otherGateway = gateway + "-other";
        broker.send(BrokerRecords.session(SessionEventRecord.CONNECTED, user.userId(), gateway, "c-1"));
        broker.send(BrokerRecords.connect(user.userId(), "Device A", gateway, "c-1", user.deviceToken()));
        broker.send(BrokerRecords.connect(user.userId(), "Device B", gateway, "c-1", user.deviceToken()));
        broker.send(BrokerRecords.connect(user.userId(), "Device C", otherGateway, "c-9", user.deviceToken()));
        awaitDevice(user.userId(), "Device C");

        broker.send(BrokerRecords.session(SessionEventRecord.DISCONNECTED, user.userId(), gateway, "c-1"));

        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(user.userId())
                .get("/device/{id}/devices", gateway)
                .then().statusCode(200)
                .body("device_id", contains("Device A", "Device B"))
                .body("connected", contains(false, false)));
        asTenant(user.userId()).get("/device/{id}", "Device C").then().body("connected", equalTo(true));
    }

    @Test
    void aDeviceNoGatewayAnnounced_showsNoGatewayFields() {
        asTenant(user.userId()).post("/device/{id}", "plain").then().statusCode(201)
                .body("gateway_id", nullValue())
                .body("connected", nullValue())
                .body("last_seen_at", nullValue());
        asTenant(user.userId()).get("/device/{id}/devices", "plain").then().statusCode(200).body("$", empty());
    }

    @Test
    void subdevicesOfAGatewayTheCallerDoesNotHave_is404() {
        broker.send(BrokerRecords.connect(user.userId(), "Device A", gateway, "c-1", user.deviceToken()));
        awaitDevice(user.userId(), "Device A");
        Registry.CreatedUser other = Registry.createUser();

        asTenant(other.userId()).get("/device/{id}/devices", gateway)
                .then().statusCode(404).contentType("application/problem+json");
        asTenant(user.userId()).get("/device/{id}/devices", "no-such-gateway").then().statusCode(404);
    }

    @Test
    void aMalformedLifecycleRecord_isCountedAndSkippedWithoutStoppingThePartition() {
        double before = Metrics.counter("thingbus_device_lifecycle_malformed_total");
        Map<String, String> headers = BrokerRecords.headers(SubdeviceEventRecord.TYPE, UUID.randomUUID().toString(),
                TenantId.of(user.userId()), null, BrokerRecords.now());

        broker.sendRaw(Topics.LIFECYCLE, user.userId() + "/" + gateway, headers, "{\"event\":\"connected\"}");
        broker.sendRaw(Topics.LIFECYCLE, user.userId() + "/" + gateway, Map.of(), "no headers at all");
        broker.send(BrokerRecords.connect(user.userId(), "after-broken", gateway, "c-1", user.deviceToken()));

        awaitDevice(user.userId(), "after-broken");
        assertThat(Metrics.counter("thingbus_device_lifecycle_malformed_total")).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void aRecordWhoseTenantHeaderContradictsItsValue_isSkipped() {
        Registry.CreatedUser other = Registry.createUser();
        SubdeviceEventRecord forged = BrokerRecords.connect(other.userId(), "forged", gateway, "c-1", null);
        Map<String, String> headers = BrokerRecords.headers(SubdeviceEventRecord.TYPE, UUID.randomUUID().toString(),
                TenantId.of(user.userId()), null, forged.at());

        broker.sendRaw(Topics.LIFECYCLE, forged.key(), headers,
                new String(SubdeviceEventRecord.CODEC.encode(forged), StandardCharsets.UTF_8));
        broker.send(BrokerRecords.connect(user.userId(), "marker", gateway, "c-1", null));

        awaitDevice(user.userId(), "marker");
        asTenant(other.userId()).get("/device/{id}", "forged").then().statusCode(404);
        asTenant(user.userId()).get("/device/{id}", "forged").then().statusCode(404);
    }

    static JsonPath awaitDevice(String tenant, String device) {
        await().atMost(TopicReader.TIMEOUT).until(() ->
                asTenant(tenant).get("/device/{id}", device).statusCode() == 200);
        return asTenant(tenant).get("/device/{id}", device).then().statusCode(200)
                .body("device_id", notNullValue()).extract().jsonPath();
    }
}
