package io.thingbus.device;

import static io.thingbus.device.Registry.asTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway of tenant A names a device that tenant B has: every record is scoped to the tenant of the gateway's
 * authenticated connection, so A gets a device of its own and B's is never read or touched.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class GatewayIsolationIT {

    private static final String NAME = "shared-name";

    private final BrokerRecords broker = new BrokerRecords();
    private final String gatewayOfA = "gw-a-" + UUID.randomUUID().toString().substring(0, 8);
    private Registry.CreatedUser tenantA;
    private Registry.CreatedUser tenantB;

    @BeforeEach
    void createTenantsWhereBHasTheDevice() {
        tenantA = Registry.createUser();
        tenantB = Registry.createUser();
        asTenant(tenantB.userId()).post("/device/{id}", NAME).then().statusCode(201);
        asTenant(tenantB.userId()).contentType(ContentType.JSON).body("{\"b-only\":\"secret of B\"}")
                .put("/device/{id}/attributes/shared", NAME).then().statusCode(200);
    }

    @AfterEach
    void closeProducer() {
        broker.close();
    }

    @Test
    void connectAndAttributesOfTenantA_createAsOwnDeviceAndLeaveBsUntouched() {
        broker.send(BrokerRecords.connect(tenantA.userId(), NAME, gatewayOfA, "c-1", tenantA.deviceToken()));
        broker.send(BrokerRecords.clientAttributes(tenantA.userId(), NAME, gatewayOfA, "{\"from\":\"A\"}"));

        SubdeviceIT.awaitDevice(tenantA.userId(), NAME);
        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(tenantA.userId())
                .get("/device/{id}/attributes", NAME).then().statusCode(200).body("client.from", equalTo("A")));
        asTenant(tenantA.userId()).get("/device/{id}", NAME).then()
                .body("provisioning", equalTo("auto"))
                .body("gateway_id", equalTo(gatewayOfA))
                .body("device_token", equalTo(tenantA.deviceToken()));
        asTenant(tenantA.userId()).get("/device/{id}/attributes", NAME).then()
                .body("shared", not(hasKey("b-only")));
        asTenant(tenantB.userId()).get("/device/{id}", NAME).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("provisioning", equalTo("api"))
                .body("gateway_id", nullValue())
                .body("device_token", equalTo(tenantB.deviceToken()));
        asTenant(tenantB.userId()).get("/device/{id}/attributes", NAME).then()
                .body("client", not(hasKey("from")))
                .body("shared.b-only", equalTo("secret of B"));
        asTenant(tenantB.userId()).get("/device/{id}/devices", gatewayOfA).then().statusCode(404);
    }

    @Test
    void attributeRequestOfTenantA_neverReadsBsValues() {
        broker.send(BrokerRecords.attributeRequest(tenantA.userId(), NAME, "shared", List.of("b-only"), "5",
                gatewayOfA));

        try (TopicReader downlink = new TopicReader(Topics.DOWNLINK)) {
            ConsumerRecord<String, byte[]> record = downlink.awaitRecords(tenantA.userId() + "/" + NAME, 1).get(0);
            DownlinkRecord answer = DownlinkRecord.fromHeaders(TopicReader.headers(record), record.value());
            assertThat(new String(answer.payload(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"id\":5,\"device\":\"shared-name\",\"value\":null}");
            assertThat(downlink.allRecords(tenantB.userId() + "/" + NAME)).isEmpty();
        }
    }

    @Test
    void claimRequestOfTenantA_canOnlyHandOverAsOwnDevice() {
        broker.send(BrokerRecords.claimRequest(tenantA.userId(), NAME, "s3cret", null, gatewayOfA,
                BrokerRecords.now()));
        String claimer = Registry.createUser().userId();

        await().atMost(TopicReader.TIMEOUT).until(() -> asTenant(claimer).contentType(ContentType.JSON)
                .body(Map.of("device_id", NAME, "secret_key", "s3cret")).post("/claim").statusCode() == 201);

        asTenant(tenantA.userId()).get("/device/{id}", NAME).then().statusCode(404);
        asTenant(tenantB.userId()).get("/device/{id}", NAME).then().statusCode(200);
        asTenant(tenantB.userId()).get("/device/{id}/attributes", NAME).then()
                .body("shared.b-only", equalTo("secret of B"));
        asTenant(claimer).get("/device/{id}/attributes", NAME).then().statusCode(200)
                .body("shared", not(hasKey("b-only")));
    }
}
