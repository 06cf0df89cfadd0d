package io.thingbus.device;

import static io.thingbus.device.Registry.asTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasKey;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** v1/gateway/attributes/request: the request record in, a downlink record to the asking gateway out. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class AttributeRequestIT extends GatewayScenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void requestForOneClientAttribute_isAnsweredToTheGatewayOnItsReplyTopic() throws Exception {
        reportClientAttributes("Device A", "{\"attribute1\":\"value1\",\"attribute2\":42}");

        broker.send(BrokerRecords.attributeRequest(user.userId(), "Device A", "client", List.of("attribute1"), "7",
                gateway));

        DownlinkRecord answer = awaitAnswer("Device A");
        assertThat(answer.clientId()).contains(gateway);
        assertThat(answer.topic()).isEqualTo(BrokerRecords.REPLY_TOPIC);
        assertThat(answer.qos()).isEqualTo(1);
        assertThat(answer.tokenHash()).isEmpty();
        assertThat(answer.tenant()).isEqualTo(TenantId.of(user.userId()));
        assertThat(answer.device()).isEqualTo(DeviceId.of("Device A"));
        assertThat(payload(answer)).isEqualTo("{\"id\":7,\"device\":\"Device A\",\"value\":\"value1\"}");
    }

    @Test
    void requestForSeveralSharedAttributes_isAnsweredWithValues() throws Exception {
        asTenant(user.userId()).post("/device/{id}", "Device A").then().statusCode(201);
        asTenant(user.userId()).contentType(ContentType.JSON).body("{\"mode\":\"eco\",\"interval\":60,\"x\":1}")
                .put("/device/{id}/attributes/shared", "Device A").then().statusCode(200);

        broker.send(BrokerRecords.attributeRequest(user.userId(), "Device A", "shared", List.of("mode", "interval",
                "unknown"), "req-8", gateway));

        assertThat(JSON.readTree(payload(awaitAnswer("Device A")))).isEqualTo(JSON.readTree(
                "{\"id\":\"req-8\",\"device\":\"Device A\",\"values\":{\"interval\":60,\"mode\":\"eco\"}}"));
    }

    @Test
    void requestForAllOfAScope_isAnsweredWithEveryValueOfThatScopeOnly() throws Exception {
        reportClientAttributes("Device A", "{\"c\":1}");
        asTenant(user.userId()).contentType(ContentType.JSON).body("{\"s\":2}")
                .put("/device/{id}/attributes/shared", "Device A").then().statusCode(200);

        broker.send(BrokerRecords.attributeRequest(user.userId(), "Device A", "shared", List.of(), "9", gateway));

        assertThat(payload(awaitAnswer("Device A")))
                .isEqualTo("{\"id\":9,\"device\":\"Device A\",\"values\":{\"s\":2}}");
    }

    @Test
    void requestForAnUnknownKeyOrDevice_isAnsweredWithNull() {
        broker.send(BrokerRecords.attributeRequest(user.userId(), "never-seen", "client", List.of("attribute1"), "3",
                gateway));

        assertThat(payload(awaitAnswer("never-seen"))).isEqualTo("{\"id\":3,\"device\":\"never-seen\",\"value\":null}");
        asTenant(user.userId()).get("/device/{id}", "never-seen").then().statusCode(404);
    }

    @Test
    void rpcResponsesOnTheSameTopic_areLeftToCommandServiceAndDoNotStopAnswers() {
        broker.send(new RpcResponseRecord(TenantId.of(user.userId()), DeviceId.of("Device A"), "42",
                BrokerRecords.object("{\"success\":true}"), DeviceId.of(gateway), BrokerRecords.now()));
        broker.send(BrokerRecords.attributeRequest(user.userId(), "Device A", "client", List.of("a"), "1", gateway));

        DownlinkRecord answer = awaitAnswer("Device A");
        assertThat(payload(answer)).contains("\"id\":1");
        try (TopicReader downlink = new TopicReader(Topics.DOWNLINK)) {
            assertThat(downlink.allRecords(user.userId() + "/Device A")).hasSize(1);
        }
    }

    @Test
    void theAnswerCarriesAnIdDerivedFromTheRequest() {
        String requestId = broker.send(BrokerRecords.attributeRequest(user.userId(), "Device A", "client",
                List.of("a"), "1", gateway));

        DownlinkRecord answer = awaitAnswer("Device A");
        assertThat(answer.id()).isEqualTo(UUID.nameUUIDFromBytes(("io.thingbus.attribute-response:" + requestId)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    private void reportClientAttributes(String device, String values) {
        broker.send(BrokerRecords.clientAttributes(user.userId(), device, gateway, values));
        String lastKey = BrokerRecords.object(values).fieldNames().next();
        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(user.userId())
                .get("/device/{id}/attributes", device).then().statusCode(200).body("client", hasKey(lastKey)));
    }

    private DownlinkRecord awaitAnswer(String device) {
        try (TopicReader downlink = new TopicReader(Topics.DOWNLINK)) {
            ConsumerRecord<String, byte[]> record = downlink.awaitRecords(user.userId() + "/" + device, 1).get(0);
            return DownlinkRecord.fromHeaders(TopicReader.headers(record), record.value());
        }
    }

    private static String payload(DownlinkRecord answer) {
        return new String(answer.payload(), StandardCharsets.UTF_8);
    }
}
