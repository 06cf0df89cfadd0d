package io.thingbus.broker;

import static io.thingbus.broker.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.AttributeRequestRecord;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.ClaimRequestRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real MQTT client playing a ThingsBoard gateway, and what device-service, command-service and session-service read
 * on Kafka from it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BrokerPortsResource.class, restrictToAnnotatedClass = false)
class GatewayApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "thingbus.broker.mqtt.port")
    int mqttPort;

    private final TestDevice account = TestDevice.random();
    private final TestGateway gateway = TestGateway.of(account);
    private TestPlatform platform;
    private DownlinkFixture downlinks;

    @BeforeEach
    void registerGatewayToken() {
        platform = new TestPlatform(kafka, mqttPort).register(account);
        downlinks = platform.downlinks();
    }

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    void connectAndDisconnect_becomeSubdeviceEvents_onTheGatewaysLifecycleKey() {
        try (KafkaTopicReader lifecycle = new KafkaTopicReader(kafka, Topics.LIFECYCLE)) {
            Mqtt5BlockingClient client = gateway.connect5(mqttPort);
            Instant before = Instant.now().minusMillis(1);

            Mqtt5PubAck connect = MqttClients.publishQos1(client, "v1/gateway/connect",
                    utf8("{\"device\":\"Device A\",\"type\":\"thermostat\"}"));
            Mqtt5PubAck disconnect = MqttClients.publishQos1(client, "v1/gateway/disconnect",
                    utf8("{\"device\":\"Device A\"}"));
            client.disconnect();

            assertThat(connect.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(disconnect.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            List<SubdeviceEventRecord> events = lifecycle.recordsUntil(gateway.lifecycleKey(),
                    r -> isSubdevice(r) && SubdeviceEventRecord.CODEC.decode(r.value()).event().equals("disconnected"))
                    .stream().filter(GatewayApiIT::isSubdevice).map(r -> SubdeviceEventRecord.CODEC.decode(r.value()))
                    .toList();
            assertThat(events).extracting(SubdeviceEventRecord::event).containsExactly("connected", "disconnected");
            SubdeviceEventRecord connected = events.get(0);
            assertThat(connected.tenant()).isEqualTo(account.tenant());
            assertThat(connected.deviceId()).isEqualTo(DeviceId.of("Device A"));
            assertThat(connected.deviceType()).isEqualTo("thermostat");
            assertThat(connected.gatewayId()).isEqualTo(DeviceId.of(gateway.clientId()));
            assertThat(connected.clientId()).isEqualTo(gateway.clientId());
            assertThat(connected.broker()).isEqualTo("test-edge");
            assertThat(connected.tokenHash()).isEqualTo(SecretHash.of(account.token()));
            assertThat(connected.at()).isBetween(before, Instant.now());
            assertThat(events.get(1).connectionId()).isEqualTo(connected.connectionId());
        }
    }

    @Test
    void batchedTelemetry_becomesOneRecordPerPoint_atItsTimestamps_underTheGatewaysToken() {
        try (TelemetryReader telemetry = new TelemetryReader(kafka)) {
            Mqtt5BlockingClient client = gateway.connect5(mqttPort);

            Mqtt5PubAck ack = MqttClients.publishQos1(client, "v1/gateway/telemetry", utf8("""
                    {"Device A":[{"ts":1483228800000,"values":{"temperature":42,"humidity":80}},
                                 {"ts":1483228801000,"values":{"temperature":43,"humidity":82}}],
                     "Device B":{"temperature":21.50}}"""));
            client.disconnect();

            assertThat(ack.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            List<ConsumerRecord<String, byte[]>> deviceA = telemetry.recordsUntil(gateway.key("Device A"),
                    utf8("{\"temperature\":43,\"humidity\":82}"));
            assertThat(deviceA).hasSize(2);
            TelemetryRecord first = TelemetryReader.decode(deviceA.get(0));
            assertThat(first.payload()).isEqualTo(utf8("{\"temperature\":42,\"humidity\":80}"));
            assertThat(first.time()).isEqualTo(Instant.ofEpochMilli(1483228800000L));
            assertThat(TelemetryReader.decode(deviceA.get(1)).time()).isEqualTo(Instant.ofEpochMilli(1483228801000L));
            assertThat(first.tokenHash()).contains(SecretHash.of(account.token()));
            assertThat(first.format()).isEqualTo(PayloadFormat.JSON);
            assertThat(first.origin()).hasValueSatisfying(o -> {
                assertThat(o.topic()).isEqualTo("v1/gateway/telemetry");
                assertThat(o.clientId()).isEqualTo(gateway.clientId());
            });
            assertThat(deviceA.get(0).timestamp()).isGreaterThan(first.time().toEpochMilli());
            TelemetryRecord deviceB = TelemetryReader.decode(
                    telemetry.recordsUntil(gateway.key("Device B"), utf8("{\"temperature\":21.50}")).get(0));
            assertThat(deviceB.time()).isBetween(Instant.now().minusSeconds(30), Instant.now());
        }
    }

    @Test
    void qos2AndQos0GatewayPublishes_completeNormally_andAreForwarded() {
        try (TelemetryReader telemetry = new TelemetryReader(kafka)) {
            Mqtt5BlockingClient client = gateway.connect5(mqttPort);

            var qos2 = (Mqtt5PublishResult.Mqtt5Qos2Result) client.publishWith().topic("v1/gateway/telemetry")
                    .qos(MqttQos.EXACTLY_ONCE).payload(utf8("{\"Device Q\":{\"qos\":2}}")).send();
            client.publishWith().topic("v1/gateway/telemetry").qos(MqttQos.AT_MOST_ONCE)
                    .payload(utf8("{\"Device Q\":{\"qos\":0}}")).send();
            byte[] marker = MqttClients.marker();
            MqttClients.assertAccepted(MqttClients.publishQos1(client, "v1/gateway/telemetry",
                    utf8("{\"Device Q\":" + new String(marker) + "}")));
            client.disconnect();

            assertThat(qos2.getPubRec().getReasonCode().isError()).isFalse();
            assertThat(telemetry.recordsUntil(gateway.key("Device Q"), marker))
                    .extracting(r -> new String(r.value())).containsExactly("{\"qos\":2}", "{\"qos\":0}",
                            new String(marker));
        }
    }

    @Test
    void mqtt311Gateway_getsAPlainPuback_andItsTelemetryIsForwarded() {
        try (TelemetryReader telemetry = new TelemetryReader(kafka)) {
            Mqtt3BlockingClient client = gateway.connect3(mqttPort);

            client.publishWith().topic("v1/gateway/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("{\"Device C\":[{\"ts\":1483228800000,\"values\":{\"on\":true}}]}")).send();
            assertThat(client.getState().isConnected()).isTrue();
            client.disconnect();

            TelemetryRecord record = TelemetryReader.decode(
                    telemetry.recordsUntil(gateway.key("Device C"), utf8("{\"on\":true}")).get(0));
            assertThat(record.time()).isEqualTo(Instant.ofEpochMilli(1483228800000L));
            assertThat(record.origin()).hasValueSatisfying(o -> assertThat(o.qos()).isEqualTo(1));
        }
    }

    @Test
    void attributes_becomeClientAttributeUpdates_fromTheGateway() throws Exception {
        try (KafkaTopicReader attributes = new KafkaTopicReader(kafka, Topics.ATTRIBUTES)) {
            Mqtt5BlockingClient client = gateway.connect5(mqttPort);

            MqttClients.assertAccepted(MqttClients.publishQos1(client, "v1/gateway/attributes",
                    utf8("{\"Device A\":{\"attribute1\":\"value1\",\"attribute2\":42},\"Device B\":{\"fw\":\"1.0\"}}")));
            client.disconnect();

            ConsumerRecord<String, byte[]> record = attributes.first(gateway.key("Device A"), 1).get(0);
            AttributeUpdateRecord update = AttributeUpdateRecord.CODEC.decode(record.value());
            assertThat(update.scope()).isEqualTo("client");
            assertThat(update.values()).isEqualTo(JSON.readTree("{\"attribute1\":\"value1\",\"attribute2\":42}"));
            assertThat(update.gatewayId()).isEqualTo(DeviceId.of(gateway.clientId()));
            assertThat(KafkaTopicReader.header(record, "ce_type")).isEqualTo(AttributeUpdateRecord.TYPE);
            assertThat(KafkaTopicReader.header(record, "tb_tenant")).isEqualTo(account.user());
            assertThat(KafkaTopicReader.header(record, "content-type")).isEqualTo("application/json");
            assertThat(AttributeUpdateRecord.CODEC.decode(attributes.first(gateway.key("Device B"), 1).get(0).value())
                    .values()).isEqualTo(JSON.readTree("{\"fw\":\"1.0\"}"));
        }
    }

    @Test
    void attributeRequest_becomesARequestRecord_andTheAnswerReachesTheGatewayOnItsResponseTopic() throws Exception {
        try (KafkaTopicReader requests = new KafkaTopicReader(kafka, Topics.DEVICE_REQUESTS)) {
            Mqtt5BlockingClient client = gateway.connect5(mqttPort);
            try (var received = client.publishes(MqttGlobalPublishFilter.ALL)) {
                MqttClients.subscribe(client, "v1/gateway/attributes/response");

                MqttClients.assertAccepted(MqttClients.publishQos1(client, "v1/gateway/attributes/request",
                        utf8("{\"id\":1,\"device\":\"Device A\",\"client\":true,\"key\":\"attribute1\"}")));
                ConsumerRecord<String, byte[]> record = requests.first(gateway.key("Device A"), 1).get(0);
                AttributeRequestRecord request = AttributeRequestRecord.CODEC.decode(record.value());
                downlinks.send(gateway.message(request.replyTopic(), "Device A",
                        "{\"id\":" + request.requestId() + ",\"device\":\"Device A\",\"value\":\"value1\"}"));

                assertThat(KafkaTopicReader.header(record, "ce_type")).isEqualTo(AttributeRequestRecord.TYPE);
                assertThat(request.scope()).isEqualTo("client");
                assertThat(request.keys()).containsExactly("attribute1");
                assertThat(request.requestId()).isEqualTo("1");
                assertThat(request.clientId()).isEqualTo(gateway.clientId());
                assertThat(request.gatewayId()).isEqualTo(DeviceId.of(gateway.clientId()));
                Mqtt5Publish answer = received.receive(30, TimeUnit.SECONDS).orElseThrow();
                assertThat(answer.getTopic().toString()).isEqualTo("v1/gateway/attributes/response");
                assertThat(answer.getPayloadAsBytes())
                        .isEqualTo(utf8("{\"id\":1,\"device\":\"Device A\",\"value\":\"value1\"}"));
            } finally {
                client.disconnect();
            }
        }
    }

    @Test
    void rpcAnswer_becomesAnRpcResponseRecord() throws Exception {
        try (KafkaTopicReader requests = new KafkaTopicReader(kafka, Topics.DEVICE_REQUESTS)) {
            Mqtt5BlockingClient client = gateway.connect5(mqttPort);

            MqttClients.assertAccepted(MqttClients.publishQos1(client, "v1/gateway/rpc",
                    utf8("{\"device\":\"Device A\",\"id\":17,\"data\":{\"success\":true}}")));
            client.disconnect();

            ConsumerRecord<String, byte[]> record = requests.first(gateway.key("Device A"), 1).get(0);
            assertThat(KafkaTopicReader.header(record, "ce_type")).isEqualTo(RpcResponseRecord.TYPE);
            RpcResponseRecord response = RpcResponseRecord.CODEC.decode(record.value());
            assertThat(response.rpcId()).isEqualTo("17");
            assertThat(response.data()).isEqualTo(JSON.readTree("{\"success\":true}"));
            assertThat(response.gatewayId()).isEqualTo(DeviceId.of(gateway.clientId()));
        }
    }

    @Test
    void claim_becomesOneClaimRequestPerDevice() {
        try (KafkaTopicReader requests = new KafkaTopicReader(kafka, Topics.DEVICE_REQUESTS)) {
            Mqtt5BlockingClient client = gateway.connect5(mqttPort);

            MqttClients.assertAccepted(MqttClients.publishQos1(client, "v1/gateway/claim", utf8(
                    "{\"Device A\":{\"secretKey\":\"value_A\",\"durationMs\":60000},\"Device B\":{}}")));
            client.disconnect();

            ClaimRequestRecord a = ClaimRequestRecord.CODEC.decode(requests.first(gateway.key("Device A"), 1).get(0).value());
            ClaimRequestRecord b = ClaimRequestRecord.CODEC.decode(requests.first(gateway.key("Device B"), 1).get(0).value());
            assertThat(a.secretHash()).isEqualTo(SecretHash.of("value_A"));
            assertThat(a.durationMs()).isEqualTo(60000L);
            assertThat(b.secretHash()).isEqualTo(SecretHash.of(""));
            assertThat(b.durationMs()).isNull();
        }
    }

    @Test
    void malformedMessages_areRefusedAsPayloadFormatInvalid_andNothingReachesKafka() throws Exception {
        String refused = "thingbus_broker_publishes_total{outcome=\"refused\",reason=\"invalid_gateway_payload\"}";
        double before = BrokerMetricsReader.value(refused);
        try (TelemetryReader telemetry = new TelemetryReader(kafka);
                KafkaTopicReader attributes = new KafkaTopicReader(kafka, Topics.ATTRIBUTES)) {
            Mqtt5BlockingClient client = gateway.connect5(mqttPort);

            List<Mqtt5PubAck> acks = List.of(
                    MqttClients.publishQos1(client, "v1/gateway/telemetry", utf8("{\"Device A\":[{\"ts\":1,")),
                    MqttClients.publishQos1(client, "v1/gateway/telemetry", utf8("[{\"Device A\":{\"t\":1}}]")),
                    MqttClients.publishQos1(client, "v1/gateway/telemetry", utf8("{\"Device A\":\"hot\"}")),
                    MqttClients.publishQos1(client, "v1/gateway/attributes", utf8("{\"Device A\":[1,2]}")),
                    MqttClients.publishQos1(client, "v1/gateway/connect", utf8("{\"name\":\"Device A\"}")));
            byte[] marker = MqttClients.marker();
            MqttClients.assertAccepted(MqttClients.publishQos1(client, "v1/gateway/telemetry",
                    utf8("{\"Device A\":" + new String(marker) + "}")));
            MqttClients.assertAccepted(MqttClients.publishQos1(client, "v1/gateway/attributes",
                    utf8("{\"Device A\":" + new String(marker) + "}")));
            client.disconnect();

            assertThat(acks).extracting(Mqtt5PubAck::getReasonCode)
                    .containsOnly(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
            assertThat(acks.get(0).getReasonString()).hasValueSatisfying(
                    r -> assertThat(r.toString()).startsWith("v1/gateway/telemetry: the payload is not valid JSON"));
            assertThat(telemetry.recordsUntil(gateway.key("Device A"), marker)).hasSize(1);
            assertThat(AttributeUpdateRecord.CODEC.decode(attributes.first(gateway.key("Device A"), 1).get(0).value())
                    .values()).isEqualTo(JSON.readTree(marker));
            assertThat(BrokerMetricsReader.value(refused)).isGreaterThanOrEqualTo(before + 5);
        }
    }

    @Test
    void malformedMessage_ofAnMqtt311Gateway_disconnectsIt_asMqtt3HasNoReasonCodes() {
        Mqtt3BlockingClient client = gateway.connect3(mqttPort);

        client.toAsync().publishWith().topic("v1/gateway/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                .payload(utf8("not json")).send();

        await().atMost(Duration.ofSeconds(10)).until(() -> !client.getState().isConnected());
    }

    @Test
    void batchWithSomeInvalidEntries_forwardsTheValidOnes_andCountsTheOthers() {
        String skipped = "thingbus_broker_gateway_entries_skipped_total{topic=\"telemetry\"}";
        double before = BrokerMetricsReader.value(skipped);
        try (TelemetryReader telemetry = new TelemetryReader(kafka)) {
            Mqtt5BlockingClient client = gateway.connect5(mqttPort);

            Mqtt5PubAck ack = MqttClients.publishQos1(client, "v1/gateway/telemetry", utf8("""
                    {"Device A":[{"ts":1483228800000},{"ts":1483228801000,"values":{"t":1}}],
                     "bad/name":{"t":2},
                     "Device B":{"t":3}}"""));
            client.disconnect();

            assertThat(ack.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(telemetry.recordsUntil(gateway.key("Device A"), utf8("{\"t\":1}"))).hasSize(1);
            assertThat(telemetry.recordsUntil(gateway.key("Device B"), utf8("{\"t\":3}"))).hasSize(1);
            assertThat(BrokerMetricsReader.value(skipped)).isGreaterThanOrEqualTo(before + 2);
        }
    }

    @Test
    void publishToAGatewayTopicGatewaysDoNotPublishTo_isNotAuthorized() {
        Mqtt5BlockingClient client = gateway.connect5(mqttPort);

        Mqtt5PubAck response = MqttClients.publishQos1(client, "v1/gateway/attributes/response", utf8("{}"));
        Mqtt5PubAck unknown = MqttClients.publishQos1(client, "v1/gateway/anything", utf8("{}"));
        client.disconnect();

        assertThat(response.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        assertThat(unknown.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void clientWhoseClientIdIsNoDeviceId_cannotPublishAsAGateway() {
        Mqtt5BlockingClient client = MqttClients.mqtt5(mqttPort, "gw/" + TestDevice.randomText(6));
        MqttClients.connect(client, account);

        Mqtt5PubAck ack = MqttClients.publishQos1(client, "v1/gateway/connect", utf8("{\"device\":\"Device A\"}"));
        client.disconnect();

        assertThat(ack.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        assertThat(ack.getReasonString()).hasValueSatisfying(r -> assertThat(r.toString()).contains("client id"));
    }

    @Test
    void gatewaySubscriptions_areGranted_andReportedAsTheGatewaysDownlink_butWildcardsAreNot() {
        try (LifecycleReader lifecycle = new LifecycleReader(kafka)) {
            Mqtt5BlockingClient client = gateway.connect5(mqttPort);

            var granted = MqttClients.subscribe(client, "v1/gateway/rpc");
            var wildcard = MqttClients.subscribe(client, "v1/gateway/#");
            var shared = MqttClients.subscribe(client, "$share/g/v1/gateway/rpc");
            client.disconnect();

            assertThat(granted.get(0).isError()).isFalse();
            assertThat(wildcard.get(0).isError()).isTrue();
            assertThat(shared.get(0).isError()).isTrue();
            var subscribed = lifecycle.eventsUntil(gateway.lifecycleKey(), "subscribed").get(1);
            assertThat(subscribed.subscriptions()).singleElement().satisfies(s -> {
                assertThat(s.filter()).isEqualTo("v1/gateway/rpc");
                assertThat(s.deviceId()).isEqualTo(gateway.clientId());
            });
        }
    }

    @Test
    void willOnAGatewayTopic_isRefusedAtConnect() {
        Mqtt5BlockingClient client = MqttClients.mqtt5(mqttPort, gateway.clientId());

        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException.class,
                () -> MqttClients.connectWith(client, account)
                        .willPublish().topic("v1/gateway/rpc").payload(utf8("{\"device\":\"x\"}")).applyWillPublish()
                        .send());

        assertThat(refused.getMqttMessage().getReasonCode())
                .isEqualTo(com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    }

    private static boolean isSubdevice(ConsumerRecord<String, byte[]> record) {
        return SubdeviceEventRecord.TYPE.equals(KafkaTopicReader.header(record, "ce_type"));
    }
}
