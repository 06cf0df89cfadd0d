package io.thingbus.broker;

import static io.restassured.RestAssured.given;
import static io.thingbus.broker.MqttClients.utf8;
import static io.thingbus.broker.TestGateway.ATTRIBUTES;
import static io.thingbus.broker.TestGateway.RPC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A device claimed away from its owner keeps talking through the owner's gateway (ThingsBoard gateway API): a real
 * MQTT gateway of user A carries "Device A", user B claims it ({@code thingbus.device-claims.v1}, as device-service
 * writes it), and what the gateway sends for the device lands under B on Kafka, while B's messages for the device
 * reach A's gateway — and nobody else's do.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BrokerPortsResource.class, restrictToAnnotatedClass = false)
class ClaimedDeviceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE = "Device A";
    private static final String CLAIMS_KNOWN = "thingbus_broker_device_claims_known";
    private static final String REANNOUNCED = "thingbus_broker_subdevice_reannouncements_total{outcome=\"sent\"}";
    private static final String CLIENT_NOT_VALID =
            "thingbus_broker_downlinks_total{outcome=\"skipped\",reason=\"client_not_valid\"}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "thingbus.broker.mqtt.port")
    int mqttPort;

    private final TestDevice owner = TestDevice.random();
    private final TestDevice claimer = TestDevice.random();
    private final TestDevice stranger = TestDevice.random();
    private final TestGateway gateway = TestGateway.of(owner);
    private TestPlatform platform;
    private KafkaFixture registry;
    private DownlinkFixture downlinks;
    private AttributeFixture attributes;

    @BeforeEach
    void registerTheGatewaysToken() {
        platform = new TestPlatform(kafka, mqttPort).register(owner)
                .awaitReady("device-claims-current", "attribute-push-assigned");
        registry = platform.registry();
        downlinks = platform.downlinks();
        attributes = platform.attributes();
    }

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    void whatTheGatewaySendsForAClaimedDevice_goesToTheClaimer_whileItsOtherDevicesStayItsUsers() throws Exception {
        try (TelemetryReader telemetry = new TelemetryReader(kafka);
                KafkaTopicReader attributeUpdates = new KafkaTopicReader(kafka, Topics.ATTRIBUTES);
                KafkaTopicReader requests = new KafkaTopicReader(kafka, Topics.DEVICE_REQUESTS);
                KafkaTopicReader lifecycle = new KafkaTopicReader(kafka, Topics.LIFECYCLE)) {
            claimAndAwait();
            Mqtt5BlockingClient client = gateway.connect5(mqttPort);

            publish(client, "v1/gateway/connect", "{\"device\":\"Device A\"}");
            publish(client, "v1/gateway/telemetry", "{\"Device A\":{\"t\":1},\"Device B\":{\"t\":2}}");
            publish(client, ATTRIBUTES, "{\"Device A\":{\"fw\":\"2.0\"}}");
            publish(client, RPC, "{\"device\":\"Device A\",\"id\":3,\"data\":{\"success\":true}}");
            client.disconnect();

            ConsumerRecord<String, byte[]> point = telemetry.recordsUntil(claimer.key(DEVICE), utf8("{\"t\":1}"))
                    .get(0);
            assertThat(TelemetryReader.decode(point).tenant()).isEqualTo(claimer.tenant());
            assertThat(KafkaTopicReader.header(point, "tb_tenant")).isEqualTo(claimer.user());
            assertThat(telemetry.recordsUntil(owner.key("Device B"), utf8("{\"t\":2}"))).hasSize(1);
            AttributeUpdateRecord update = AttributeUpdateRecord.CODEC.decode(
                    attributeUpdates.first(claimer.key(DEVICE), 1).get(0).value());
            assertThat(update.tenant()).isEqualTo(claimer.tenant());
            assertThat(update.values()).isEqualTo(JSON.readTree("{\"fw\":\"2.0\"}"));
            ConsumerRecord<String, byte[]> answer = requests.first(claimer.key(DEVICE), 1).get(0);
            assertThat(KafkaTopicReader.header(answer, "ce_type")).isEqualTo(RpcResponseRecord.TYPE);
            assertThat(RpcResponseRecord.CODEC.decode(answer.value()).tenant()).isEqualTo(claimer.tenant());
            SubdeviceEventRecord connected = firstSubdeviceEvent(lifecycle);
            assertThat(connected.tenant()).isEqualTo(owner.tenant());
            assertThat(connected.clientId()).isEqualTo(gateway.clientId());
            assertThat(connected.deviceTenant()).isEqualTo(claimer.tenant());
            assertThat(connected.deviceKey().asString()).isEqualTo(claimer.key(DEVICE));
        }
    }

    @Test
    void theClaimersRpcAndSharedAttributesReachTheGateway_butNoThirdUsersMessage_norOnesForDevicesNotClaimed()
            throws Exception {
        Mqtt5BlockingClient client = gateway.connect5(mqttPort);
        try (Mqtt5Publishes inbox = client.publishes(MqttGlobalPublishFilter.ALL)) {
            MqttClients.subscribe(client, RPC);
            MqttClients.subscribe(client, ATTRIBUTES);
            publish(client, "v1/gateway/connect", "{\"device\":\"Device A\"}");
            claimAndAwait();

            downlinks.send(as(claimer).message(RPC, DEVICE, "{\"device\":\"Device A\",\"data\":{\"id\":1}}"));
            Mqtt5Publish rpc = inbox.receive(30, TimeUnit.SECONDS).orElseThrow();
            attributes.send(AttributeFixture.shared(claimer, DEVICE, "{\"interval\":30}"));
            Mqtt5Publish push = inbox.receive(30, TimeUnit.SECONDS).orElseThrow();

            assertThat(rpc.getTopic().toString()).isEqualTo(RPC);
            assertThat(rpc.getPayloadAsBytes()).isEqualTo(utf8("{\"device\":\"Device A\",\"data\":{\"id\":1}}"));
            assertThat(push.getTopic().toString()).isEqualTo(ATTRIBUTES);
            assertThat(JSON.readTree(push.getPayloadAsBytes()))
                    .isEqualTo(JSON.readTree("{\"device\":\"Device A\",\"data\":{\"interval\":30}}"));

            double refusedBefore = BrokerMetricsReader.value(CLIENT_NOT_VALID);
            downlinks.send(as(stranger).message(RPC, DEVICE, "{\"forged\":\"stranger\"}"));
            downlinks.send(as(claimer).message(RPC, "Device B", "{\"forged\":\"not claimed\"}"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> BrokerMetricsReader.value(CLIENT_NOT_VALID) >= refusedBefore + 2);
            assertFirstIsMarker(inbox);
        } finally {
            client.disconnect();
        }
    }

    @Test
    void afterATombstone_theGatewaysDataIsItsUsersAgain_andTheFormerClaimerNoLongerReachesIt() throws Exception {
        claimAndAwait();
        double known = BrokerMetricsReader.value(CLAIMS_KNOWN);
        registry.reclaim(owner, DEVICE);
        await().atMost(Duration.ofSeconds(30)).until(() -> BrokerMetricsReader.value(CLAIMS_KNOWN) < known);
        Mqtt5BlockingClient client = gateway.connect5(mqttPort);
        try (TelemetryReader telemetry = new TelemetryReader(kafka);
                KafkaTopicReader lifecycle = new KafkaTopicReader(kafka, Topics.LIFECYCLE);
                Mqtt5Publishes inbox = client.publishes(MqttGlobalPublishFilter.ALL)) {
            MqttClients.subscribe(client, RPC);

            publish(client, "v1/gateway/connect", "{\"device\":\"Device A\"}");
            publish(client, "v1/gateway/telemetry", "{\"Device A\":{\"t\":3}}");
            double refusedBefore = BrokerMetricsReader.value(CLIENT_NOT_VALID);
            downlinks.send(as(claimer).message(RPC, DEVICE, "{\"forged\":\"former claimer\"}"));

            assertThat(TelemetryReader.decode(telemetry.recordsUntil(owner.key(DEVICE), utf8("{\"t\":3}")).get(0))
                    .tenant()).isEqualTo(owner.tenant());
            SubdeviceEventRecord connected = firstSubdeviceEvent(lifecycle);
            assertThat(connected.deviceTenant()).isNull();
            assertThat(connected.carriedForAnotherUser()).isFalse();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> BrokerMetricsReader.value(CLIENT_NOT_VALID) > refusedBefore);
            assertFirstIsMarker(inbox);
        } finally {
            client.disconnect();
        }
    }

    @Test
    void aClaimWhileTheGatewayHasTheDeviceConnected_reannouncesItUnderTheClaimer_andATombstoneGivesItBack()
            throws Exception {
        Mqtt5BlockingClient client = gateway.connect5(mqttPort);
        try (KafkaTopicReader lifecycle = new KafkaTopicReader(kafka, Topics.LIFECYCLE)) {
            publish(client, "v1/gateway/connect", "{\"device\":\"Device A\",\"type\":\"thermostat\"}");
            SubdeviceEventRecord announced = subdeviceEvents(lifecycle, 1).get(0);
            double reannouncedBefore = BrokerMetricsReader.value(REANNOUNCED);

            claimAndAwait();
            List<ConsumerRecord<String, byte[]>> afterClaim = subdeviceRecords(lifecycle, 3);

            assertThat(decode(afterClaim)).extracting(SubdeviceEventRecord::event, SubdeviceEventRecord::deviceTenant)
                    .containsExactly(tuple("connected", null), tuple("disconnected", null),
                            tuple("connected", claimer.tenant()));
            SubdeviceEventRecord toClaimer = decode(afterClaim).get(2);
            assertThat(toClaimer.deviceKey().asString()).isEqualTo(claimer.key(DEVICE));
            assertThat(toClaimer.deviceType()).isEqualTo("thermostat");
            assertThat(toClaimer.key()).isEqualTo(gateway.lifecycleKey());
            assertThat(toClaimer.connectionId()).isEqualTo(announced.connectionId());
            assertThat(toClaimer.tokenHash()).isEqualTo(announced.tokenHash());
            assertThat(toClaimer.broker()).isEqualTo(announced.broker());
            assertThat(KafkaTopicReader.header(afterClaim.get(2), "mqtt_topic")).as("not made from a publish").isNull();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> BrokerMetricsReader.value(REANNOUNCED) >= reannouncedBefore + 1);

            registry.reclaim(owner, DEVICE);

            assertThat(decode(subdeviceRecords(lifecycle, 5)).subList(3, 5))
                    .extracting(SubdeviceEventRecord::event, SubdeviceEventRecord::deviceTenant)
                    .containsExactly(tuple("disconnected", claimer.tenant()), tuple("connected", null));
        } finally {
            client.disconnect();
        }
    }

    @Test
    void telemetryOfAClaimedDevice_carriesNoTokenHash_whileTheGatewaysOwnDevicesCarryTheGatewaysToken() {
        claimAndAwait();
        Mqtt5BlockingClient client = gateway.connect5(mqttPort);
        try (TelemetryReader telemetry = new TelemetryReader(kafka)) {
            publish(client, "v1/gateway/telemetry", "{\"Device A\":{\"t\":4},\"Device B\":{\"t\":5}}");

            ConsumerRecord<String, byte[]> claimed = telemetry.recordsUntil(claimer.key(DEVICE), utf8("{\"t\":4}"))
                    .get(0);
            ConsumerRecord<String, byte[]> own = telemetry.recordsUntil(owner.key("Device B"), utf8("{\"t\":5}"))
                    .get(0);

            assertThat(KafkaTopicReader.header(claimed, "tb_token_hash")).isNull();
            assertThat(TelemetryReader.decode(claimed).tokenHash()).isEmpty();
            assertThat(KafkaTopicReader.header(own, "tb_token_hash")).isEqualTo(SecretHash.of(owner.token()).value());
        } finally {
            client.disconnect();
        }
    }

    @Test
    void malformedClaimRecords_areCountedAndSkipped_andLaterClaimsStillApply() {
        String malformed = "thingbus_broker_device_claim_records_malformed_total";
        double before = BrokerMetricsReader.value(malformed);

        registry.sendRawClaim("no-device-key", utf8("{}"));
        registry.sendRawClaim(owner.key(DEVICE), utf8("{\"tenant\":\"not json"));
        claimAndAwait();

        await().atMost(Duration.ofSeconds(30)).until(() -> BrokerMetricsReader.value(malformed) >= before + 2);
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'kafka-listeners' }.data.device-claim-listener", equalTo(true));
    }

    /** B claims "Device A" from A; waits until the broker knows. */
    private void claimAndAwait() {
        double before = BrokerMetricsReader.value(CLAIMS_KNOWN);
        registry.claim(owner, DEVICE, claimer);
        await().atMost(Duration.ofSeconds(30)).until(() -> BrokerMetricsReader.value(CLAIMS_KNOWN) > before);
    }

    /** The platform addressing the gateway's client id on behalf of {@code user}. */
    private TestGateway as(TestDevice user) {
        return new TestGateway(user, gateway.clientId());
    }

    /** The gateway's first sub-device event read from {@code lifecycle} (its session events come before it). */
    private SubdeviceEventRecord firstSubdeviceEvent(KafkaTopicReader lifecycle) {
        List<ConsumerRecord<String, byte[]>> records = lifecycle.recordsUntil(gateway.lifecycleKey(),
                r -> SubdeviceEventRecord.TYPE.equals(KafkaTopicReader.header(r, "ce_type")));
        return SubdeviceEventRecord.CODEC.decode(records.get(records.size() - 1).value());
    }

    /** The gateway's first {@code count} sub-device event records read from {@code lifecycle}. */
    private List<ConsumerRecord<String, byte[]>> subdeviceRecords(KafkaTopicReader lifecycle, int count) {
        return lifecycle.first(gateway.lifecycleKey(),
                r -> SubdeviceEventRecord.TYPE.equals(KafkaTopicReader.header(r, "ce_type")), count);
    }

    private List<SubdeviceEventRecord> subdeviceEvents(KafkaTopicReader lifecycle, int count) {
        return decode(subdeviceRecords(lifecycle, count));
    }

    private static List<SubdeviceEventRecord> decode(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> SubdeviceEventRecord.CODEC.decode(r.value())).toList();
    }

    /** Sends the gateway a marker from its own user and asserts that it is the first message it receives. */
    private void assertFirstIsMarker(Mqtt5Publishes inbox) throws InterruptedException {
        String marker = "{\"marker\":\"" + TestDevice.randomText(12) + "\"}";
        downlinks.send(gateway.message(RPC, "marker", marker));
        Mqtt5Publish first = inbox.receive(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(new String(first.getPayloadAsBytes())).isEqualTo(marker);
    }

    private static void publish(Mqtt5BlockingClient client, String topic, String payload) {
        MqttClients.assertAccepted(MqttClients.publishQos1(client, topic, utf8(payload)));
    }
}
