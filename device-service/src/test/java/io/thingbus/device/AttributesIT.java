package io.thingbus.device;

import static io.thingbus.device.Registry.asTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Client-side attributes from v1/gateway/attributes, shared attributes over REST and their records on Kafka. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class AttributesIT extends GatewayScenario {

    @Test
    void clientAttributesFromTheGateway_registerTheDeviceAndAreReadable() {
        broker.send(BrokerRecords.clientAttributes(user.userId(), "Device A", gateway,
                "{\"attribute1\":\"value1\",\"attribute2\":42,\"nested\":{\"b\":1,\"a\":[true,null]}}"));

        awaitClientAttribute("Device A", "attribute2");
        asTenant(user.userId()).get("/device/{id}", "Device A").then().statusCode(200)
                .body("provisioning", equalTo("auto"));
        String body = asTenant(user.userId()).get("/device/{id}/attributes", "Device A")
                .then().statusCode(200).extract().asString();
        assertThat(body).isEqualTo("{\"client\":{\"attribute1\":\"value1\",\"attribute2\":42,"
                + "\"nested\":{\"b\":1,\"a\":[true,null]}},\"shared\":{}}");
    }

    @Test
    void aNullClientValue_deletesThatKeyOnly() {
        broker.send(BrokerRecords.clientAttributes(user.userId(), "Device A", gateway, "{\"a\":1,\"b\":2}"));
        broker.send(BrokerRecords.clientAttributes(user.userId(), "Device A", gateway, "{\"a\":null,\"c\":3}"));

        awaitClientAttribute("Device A", "c");
        asTenant(user.userId()).queryParam("scope", "client").get("/device/{id}/attributes", "Device A")
                .then().statusCode(200)
                .body("client.b", equalTo(2))
                .body("client", not(hasKey("a")))
                .body("$", not(hasKey("shared")));
    }

    @Test
    void read_withScopeAndKeys_givesOnlyThose() {
        broker.send(BrokerRecords.clientAttributes(user.userId(), "Device A", gateway, "{\"a\":1,\"b\":2,\"c\":3}"));
        awaitClientAttribute("Device A", "c");

        asTenant(user.userId()).queryParam("scope", "client").queryParam("keys", "a,c")
                .get("/device/{id}/attributes", "Device A")
                .then().statusCode(200)
                .body("client.a", equalTo(1))
                .body("client.c", equalTo(3))
                .body("client", not(hasKey("b")));
    }

    @Test
    void sharedAttributesSetOverRest_arePublishedOnTheAttributesTopic() {
        asTenant(user.userId()).post("/device/{id}", "Device A").then().statusCode(201);

        asTenant(user.userId()).contentType(ContentType.JSON).body("{\"mode\":\"eco\",\"interval\":60}")
                .put("/device/{id}/attributes/shared", "Device A")
                .then().statusCode(200)
                .body("shared.mode", equalTo("eco"))
                .body("shared.interval", equalTo(60));

        try (TopicReader attributes = new TopicReader(Topics.ATTRIBUTES)) {
            ConsumerRecord<String, byte[]> record = attributes.awaitRecords(user.userId() + "/Device A", 1).get(0);
            AttributeUpdateRecord update = AttributeUpdateRecord.CODEC.decode(record.value());
            assertThat(update.scope()).isEqualTo("shared");
            assertThat(update.values()).isEqualTo(BrokerRecords.object("{\"mode\":\"eco\",\"interval\":60}"));
            assertThat(update.gatewayId()).isNull();
            assertThat(TopicReader.header(record, RecordHeaders.CE_TYPE)).isEqualTo(AttributeUpdateRecord.TYPE);
            assertThat(TopicReader.header(record, RecordHeaders.TENANT)).isEqualTo(user.userId());
            assertThat(TopicReader.header(record, RecordHeaders.DEVICE)).isEqualTo("Device A");
        }
    }

    @Test
    void changingAndDeletingSharedAttributes_publishesOnlyTheChanges() {
        asTenant(user.userId()).post("/device/{id}", "Device A").then().statusCode(201);
        putShared("Device A", "{\"mode\":\"eco\",\"interval\":60}");

        putShared("Device A", "{\"mode\":\"eco\",\"interval\":30}");
        asTenant(user.userId()).queryParam("keys", "mode,never-set").delete("/device/{id}/attributes/shared",
                "Device A").then().statusCode(204);

        try (TopicReader attributes = new TopicReader(Topics.ATTRIBUTES)) {
            List<ConsumerRecord<String, byte[]>> records = attributes.awaitRecords(user.userId() + "/Device A", 3);
            assertThat(records).hasSize(3);
            assertThat(AttributeUpdateRecord.CODEC.decode(records.get(1).value()).values())
                    .isEqualTo(BrokerRecords.object("{\"interval\":30}"));
            assertThat(AttributeUpdateRecord.CODEC.decode(records.get(2).value()).values())
                    .isEqualTo(BrokerRecords.object("{\"mode\":null}"));
        }
        asTenant(user.userId()).get("/device/{id}/attributes", "Device A")
                .then().statusCode(200)
                .body("shared.interval", equalTo(30))
                .body("shared", not(hasKey("mode")));
    }

    @Test
    void sharedUpdatesOnTheTopic_areNeverStoredAsClientAttributes() {
        asTenant(user.userId()).post("/device/{id}", "Device A").then().statusCode(201);
        putShared("Device A", "{\"pushed\":true}");
        try (TopicReader attributes = new TopicReader(Topics.ATTRIBUTES)) {
            attributes.awaitRecords(user.userId() + "/Device A", 1);
        }

        broker.send(BrokerRecords.clientAttributes(user.userId(), "Device A", gateway, "{\"marker\":1}"));

        awaitClientAttribute("Device A", "marker");
        asTenant(user.userId()).get("/device/{id}/attributes", "Device A")
                .then().body("client", not(hasKey("pushed"))).body("shared.pushed", equalTo(true));
    }

    @Test
    void attributesOfAnotherTenantsDevice_are404() {
        asTenant(user.userId()).post("/device/{id}", "Device A").then().statusCode(201);
        String other = Registry.createUser().userId();

        asTenant(other).get("/device/{id}/attributes", "Device A").then().statusCode(404)
                .contentType("application/problem+json");
        asTenant(other).contentType(ContentType.JSON).body("{\"a\":1}")
                .put("/device/{id}/attributes/shared", "Device A").then().statusCode(404);
        asTenant(other).queryParam("keys", "a").delete("/device/{id}/attributes/shared", "Device A")
                .then().statusCode(404);
        asTenant(user.userId()).get("/device/{id}/attributes", "Device A").then().body("shared", anEmptyMap());
    }

    @Test
    void invalidInput_isA400NamingIt() {
        asTenant(user.userId()).post("/device/{id}", "Device A").then().statusCode(201);

        asTenant(user.userId()).queryParam("scope", "server").get("/device/{id}/attributes", "Device A")
                .then().statusCode(400).body("errors[0].field", equalTo("query.scope"));
        asTenant(user.userId()).contentType(ContentType.JSON).body("[1,2]")
                .put("/device/{id}/attributes/shared", "Device A")
                .then().statusCode(400).body("type", equalTo("https://thingbus.io/problems/malformed-body"));
        asTenant(user.userId()).contentType(ContentType.JSON).body("{\"\":1}")
                .put("/device/{id}/attributes/shared", "Device A")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        asTenant(user.userId()).delete("/device/{id}/attributes/shared", "Device A")
                .then().statusCode(400).body("errors[0].field", equalTo("query.keys"));
    }

    @Test
    void deletingTheDevice_deletesItsAttributes() {
        broker.send(BrokerRecords.clientAttributes(user.userId(), "Device A", gateway, "{\"a\":1}"));
        awaitClientAttribute("Device A", "a");

        asTenant(user.userId()).delete("/device/{id}", "Device A").then().statusCode(204);
        asTenant(user.userId()).post("/device/{id}", "Device A").then().statusCode(201);

        asTenant(user.userId()).get("/device/{id}/attributes", "Device A")
                .then().statusCode(200).body("client", anEmptyMap());
    }

    private void putShared(String device, String body) {
        asTenant(user.userId()).contentType(ContentType.JSON).body(body)
                .put("/device/{id}/attributes/shared", device).then().statusCode(200);
    }

    private void awaitClientAttribute(String device, String key) {
        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(user.userId())
                .get("/device/{id}/attributes", device)
                .then().statusCode(200).body("client", hasKey(key)));
    }
}
