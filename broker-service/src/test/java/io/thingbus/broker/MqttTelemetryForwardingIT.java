package io.thingbus.broker;

import static io.thingbus.broker.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult.Mqtt5Qos1Result;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.testing.InfrastructureResource;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BrokerPortsResource.class, restrictToAnnotatedClass = false)
class MqttTelemetryForwardingIT {

    private static final byte[] READING = utf8("{\"temp\":20,\"humidity\":50}");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "thingbus.broker.mqtt.port")
    int mqttPort;

    @ConfigProperty(name = "thingbus.broker.ws.port")
    int wsPort;

    private final TestDevice device = TestDevice.random();
    private TestPlatform platform;
    private TelemetryReader telemetry;

    @BeforeEach
    void registerDevice() {
        platform = new TestPlatform(kafka, mqttPort).register(device);
        telemetry = platform.readTelemetry();
    }

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    void mqtt5Publish_atQos1_isAcknowledged_andForwardedOnceWithItsHeaders_andItsTokensHash() {
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);
        Instant before = Instant.now().minusMillis(1);

        Mqtt5Qos1Result result = (Mqtt5Qos1Result) client.publishWith().topic(device.jsonTopic("dev-1"))
                .qos(MqttQos.AT_LEAST_ONCE).payload(READING)
                .userProperties().add("unit", "celsius").applyUserProperties()
                .send();
        String clientId = MqttClients.clientIdOf(client);
        byte[] marker = publishMarker(client, "dev-1");
        client.disconnect();

        MqttClients.assertAccepted(result.getPubAck());
        List<ConsumerRecord<String, byte[]>> records = telemetry.recordsUntil(device.key("dev-1"), marker);
        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> forwarded = records.get(0);
        assertThat(forwarded.value()).isEqualTo(READING);
        TelemetryRecord record = TelemetryReader.decode(forwarded);
        assertThat(record.tenant()).isEqualTo(device.tenant());
        assertThat(record.device()).isEqualTo(DeviceId.of("dev-1"));
        assertThat(record.tokenHash()).contains(SecretHash.of(device.token()));
        assertThat(record.tag()).isEmpty();
        assertThat(record.format()).isEqualTo(PayloadFormat.JSON);
        assertThat(record.source()).isEqualTo("//thingbus/broker-service/test-edge");
        assertThat(record.time()).isBetween(before, Instant.now());
        assertThat(forwarded.timestamp()).isEqualTo(record.time().toEpochMilli());
        assertThat(record.origin()).contains(new MqttOrigin(device.jsonTopic("dev-1"), 1, false, clientId,
                List.of(new Header("unit", "celsius"))));
        assertThat(record.id()).isNotEqualTo(TelemetryReader.decode(records.get(1)).id());
    }

    @Test
    void mqtt311Publish_atQos1_isForwardedOnce() {
        Mqtt3BlockingClient client = MqttClients.connected3(mqttPort, device);

        client.publishWith().topic(device.jsonTopic("dev-1")).qos(MqttQos.AT_LEAST_ONCE).payload(READING).send();
        byte[] marker = MqttClients.marker();
        client.publishWith().topic(device.jsonTopic("dev-1")).qos(MqttQos.AT_LEAST_ONCE).payload(marker).send();
        client.disconnect();

        List<ConsumerRecord<String, byte[]>> records = telemetry.recordsUntil(device.key("dev-1"), marker);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).value()).isEqualTo(READING);
        TelemetryRecord record = TelemetryReader.decode(records.get(0));
        assertThat(record.origin()).hasValueSatisfying(o -> {
            assertThat(o.qos()).isEqualTo(1);
            assertThat(o.userProperties()).isEmpty();
        });
    }

    @Test
    void publish_withTag_carriesTheTag() {
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);

        publish(client, device.jsonTopic("dev-1") + "/room_1.a-b", READING);
        client.disconnect();

        TelemetryRecord record = TelemetryReader.decode(single(device.key("dev-1"), READING));
        assertThat(record.tag()).contains("room_1.a-b");
        assertThat(record.origin().map(MqttOrigin::topic)).contains(device.jsonTopic("dev-1") + "/room_1.a-b");
    }

    @Test
    void bareNumber_isForwardedAsJson() {
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);

        MqttClients.assertAccepted(publish(client, device.jsonTopic("sensor-7"), utf8("23.5")));
        client.disconnect();

        TelemetryRecord record = TelemetryReader.decode(single(device.key("sensor-7"), utf8("23.5")));
        assertThat(record.format()).isEqualTo(PayloadFormat.JSON);
    }

    @Test
    void binaryPayload_onBinTopic_isForwardedUnchanged() {
        byte[] messagePack = {(byte) 0x81, (byte) 0xa4, 't', 'e', 'm', 'p', (byte) 0xcb, 0x40, 0x37, 0, 0, 0, 0, 0, 0};
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);

        MqttClients.assertAccepted(publish(client, device.token() + "/bin/dev-1/raw", messagePack));
        client.disconnect();

        TelemetryRecord record = TelemetryReader.decode(single(device.key("dev-1"), messagePack));
        assertThat(record.format()).isEqualTo(PayloadFormat.BINARY);
        assertThat(record.payload()).isEqualTo(messagePack);
        assertThat(record.tag()).contains("raw");
    }

    @Test
    void qos0Publish_isForwarded() {
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);

        client.publishWith().topic(device.jsonTopic("dev-1")).qos(MqttQos.AT_MOST_ONCE).payload(READING).send();
        client.disconnect();

        TelemetryRecord record = TelemetryReader.decode(single(device.key("dev-1"), READING));
        assertThat(record.origin()).hasValueSatisfying(o -> assertThat(o.qos()).isZero());
    }

    @Test
    void qos2Publish_isCompleted_andForwardedOnce() {
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);

        var result = (com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult.Mqtt5Qos2Result) client
                .publishWith().topic(device.jsonTopic("dev-2")).qos(MqttQos.EXACTLY_ONCE).payload(READING).send();
        byte[] marker = publishMarker(client, "dev-2");
        client.disconnect();

        assertThat(result.getPubRec().getReasonCode().isError()).isFalse();
        List<ConsumerRecord<String, byte[]>> records = telemetry.recordsUntil(device.key("dev-2"), marker);
        assertThat(records).hasSize(2);
        assertThat(TelemetryReader.decode(records.get(0)).origin())
                .hasValueSatisfying(o -> assertThat(o.qos()).isEqualTo(2));
    }

    @Test
    void publishOverWebsocket_isAcknowledgedAndForwarded() {
        Mqtt5BlockingClient client = MqttClients.mqtt5OverWebsocket(wsPort);
        MqttClients.connect(client, device);

        MqttClients.assertAccepted(publish(client, device.jsonTopic("ws-dev"), READING));
        client.disconnect();

        assertThat(TelemetryReader.decode(single(device.key("ws-dev"), READING)).device())
                .isEqualTo(DeviceId.of("ws-dev"));
    }

    @Test
    void publish_isAlsoDeliveredToAnotherClientOfTheSameToken() {
        Mqtt5BlockingClient subscriber = MqttClients.connected5(mqttPort, device);
        try (var publishes = subscriber.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter(device.token() + "/#").qos(MqttQos.AT_LEAST_ONCE).send();
            Mqtt5BlockingClient publisher = MqttClients.connected5(mqttPort, device);

            publish(publisher, device.jsonTopic("dev-1"), READING);

            var received = publishes.receive(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(received).hasValueSatisfying(p -> {
                assertThat(p.getTopic().toString()).isEqualTo(device.jsonTopic("dev-1"));
                assertThat(p.getPayloadAsBytes()).isEqualTo(READING);
            });
            publisher.disconnect();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            subscriber.disconnect();
        }
    }

    private ConsumerRecord<String, byte[]> single(String key, byte[] payload) {
        List<ConsumerRecord<String, byte[]>> records = telemetry.recordsUntil(key, payload);
        assertThat(records).as("records of %s", key).hasSize(1);
        return records.get(0);
    }

    private static Mqtt5PubAck publish(Mqtt5BlockingClient client, String topic, byte[] payload) {
        return MqttClients.publishQos1(client, topic, payload);
    }

    private byte[] publishMarker(Mqtt5BlockingClient client, String deviceId) {
        byte[] marker = MqttClients.marker();
        MqttClients.assertAccepted(publish(client, device.jsonTopic(deviceId), marker));
        return marker;
    }
}
