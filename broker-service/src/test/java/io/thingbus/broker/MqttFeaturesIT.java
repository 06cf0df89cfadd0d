package io.thingbus.broker;

import static io.thingbus.broker.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.testing.InfrastructureResource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ThingScale MQTT feature list with real clients: retained messages, wills, client ids, binary payloads, QoS. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BrokerPortsResource.class, restrictToAnnotatedClass = false)
class MqttFeaturesIT {

    private static final byte[] OFFLINE = utf8("{\"online\":false}");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "thingbus.broker.mqtt.port")
    int mqttPort;

    private final TestDevice device = TestDevice.random();
    private TestPlatform platform;
    private TelemetryReader telemetry;
    private LifecycleReader lifecycle;

    @BeforeEach
    void registerDevice() {
        platform = new TestPlatform(kafka, mqttPort).register(device);
        telemetry = platform.readTelemetry();
        lifecycle = platform.readLifecycle();
    }

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    void retainedPublish_isDeliveredToALaterSubscriberOfTheSameToken_andForwardedOnce() throws Exception {
        Mqtt5BlockingClient publisher = MqttClients.connected5(mqttPort, device);
        publisher.publishWith().topic(device.jsonTopic("dev-r")).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .payload(utf8("21.5")).send();
        publisher.disconnect();

        Mqtt5BlockingClient later = MqttClients.connected5(mqttPort, device);
        try (var received = later.publishes(MqttGlobalPublishFilter.ALL)) {
            MqttClients.subscribe(later, device.token() + "/json/+");

            Mqtt5Publish retained = received.receive(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(retained.getTopic().toString()).isEqualTo(device.jsonTopic("dev-r"));
            assertThat(retained.getPayloadAsBytes()).isEqualTo(utf8("21.5"));
            assertThat(retained.isRetain()).isTrue();
        } finally {
            later.disconnect();
        }
        List<ConsumerRecord<String, byte[]>> records = telemetry.recordsUntil(device.key("dev-r"), utf8("21.5"));
        assertThat(records).hasSize(1);
        assertThat(TelemetryReader.decode(records.get(0)).origin()).hasValueSatisfying(o -> assertThat(o.retain()).isTrue());
    }

    @Test
    void will_ofAClientThatDrops_isPublishedToSubscribers_andForwardedToKafka() throws Exception {
        Mqtt5BlockingClient watcher = MqttClients.connected5(mqttPort, device);
        try (var received = watcher.publishes(MqttGlobalPublishFilter.ALL)) {
            MqttClients.subscribe(watcher, device.token() + "/json/+");
            String clientId = MqttClients.clientId(18);
            MqttConnectOptions options = Mqtt31Client.mqtt311Options(device);
            options.setWill(device.jsonTopic("dev-w"), OFFLINE, 1, false);
            MqttClient dying = Mqtt31Client.connect(mqttPort, clientId, options);

            dying.disconnectForcibly(0, 1000, false);
            dying.close();

            Mqtt5Publish will = received.receive(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(will.getTopic().toString()).isEqualTo(device.jsonTopic("dev-w"));
            assertThat(will.getPayloadAsBytes()).isEqualTo(OFFLINE);
            List<ConsumerRecord<String, byte[]>> records = telemetry.recordsUntil(device.key("dev-w"), OFFLINE);
            assertThat(records).hasSize(1);
            assertThat(TelemetryReader.decode(records.get(0)).origin())
                    .hasValueSatisfying(o -> assertThat(o.clientId()).isEqualTo(clientId));
        } finally {
            watcher.disconnect();
        }
    }

    @Test
    void mqtt5Will_isForwarded_whenTheClientDisconnectsWithWillMessage() {
        Mqtt5BlockingClient client = MqttClients.mqtt5(mqttPort);
        MqttClients.connectWith(client, device)
                .willPublish().topic(device.jsonTopic("dev-w5")).payload(OFFLINE).applyWillPublish().send();

        client.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();

        assertThat(telemetry.recordsUntil(device.key("dev-w5"), OFFLINE)).hasSize(1);
    }

    @Test
    void will_isNeitherPublishedNorForwarded_whenTheClientDisconnectsNormally() {
        Mqtt5BlockingClient client = MqttClients.mqtt5(mqttPort);
        MqttClients.connectWith(client, device)
                .willPublish().topic(device.jsonTopic("dev-w0")).payload(OFFLINE).applyWillPublish().send();
        String clientId = MqttClients.clientIdOf(client);

        client.disconnect();
        lifecycle.eventsUntil(LifecycleReader.key(device, clientId), SessionEventRecord.DISCONNECTED);
        Mqtt5BlockingClient other = MqttClients.connected5(mqttPort, device);
        byte[] marker = MqttClients.marker();
        MqttClients.assertAccepted(MqttClients.publishQos1(other, device.jsonTopic("dev-w0"), marker));
        other.disconnect();

        assertThat(telemetry.recordsUntil(device.key("dev-w0"), marker)).hasSize(1);
    }

    @Test
    void clientIds_ofOneTo23Characters_andLongerOnes_areAccepted_andReported() throws Exception {
        List<String> ids = List.of("x", MqttClients.clientId(23), MqttClients.clientId(200));
        for (String id : ids) {
            Mqtt3BlockingClient client = MqttClients.mqtt3(mqttPort, id);
            MqttClients.connect(client, device);
            client.disconnect();
        }
        MqttClient mqtt31 = Mqtt31Client.connected(mqttPort, device, MqttClients.clientId(23), true);
        String mqtt31Id = mqtt31.getClientId();
        mqtt31.disconnect();
        mqtt31.close();

        for (String id : List.of(ids.get(0), ids.get(1), ids.get(2), mqtt31Id)) {
            assertThat(lifecycle.eventsUntil(LifecycleReader.key(device, id), SessionEventRecord.DISCONNECTED))
                    .extracting(SessionEventRecord::event).containsExactly("connected", "disconnected");
        }
    }

    @Test
    void emptyClientId_getsAnIdAssignedByTheBroker_whichTheLifecycleEventsUse() {
        Mqtt5BlockingClient client = MqttClients.mqtt5WithoutClientId(mqttPort);

        Mqtt5ConnAck connack = MqttClients.connect(client, device);
        String assigned = connack.getAssignedClientIdentifier().orElseThrow().toString();
        client.disconnect();

        assertThat(assigned).isNotBlank();
        assertThat(lifecycle.eventsUntil(LifecycleReader.key(device, assigned), SessionEventRecord.DISCONNECTED))
                .extracting(SessionEventRecord::event).containsExactly("connected", "disconnected");
    }

    @Test
    void binaryPublish_overMqtt311AtQos0_isForwardedByteForByte_asOctetStream() {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        Mqtt3BlockingClient client = MqttClients.connected3(mqttPort, device);

        client.publishWith().topic(device.token() + "/bin/dev-b").qos(MqttQos.AT_MOST_ONCE).payload(everyByte).send();
        client.disconnect();

        List<ConsumerRecord<String, byte[]>> records = telemetry.recordsUntil(device.key("dev-b"), everyByte);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()).isEqualTo(everyByte);
        assertThat(new String(records.get(0).headers().lastHeader(RecordHeaders.CONTENT_TYPE).value(),
                StandardCharsets.UTF_8)).isEqualTo("application/octet-stream");
        TelemetryRecord record = TelemetryReader.decode(records.get(0));
        assertThat(record.format()).isEqualTo(PayloadFormat.BINARY);
    }

    @Test
    void mqtt311Publishes_atQos0_1_and2_areEachForwardedOnce_inOrder() {
        Mqtt3BlockingClient client = MqttClients.connected3(mqttPort, device);

        client.publishWith().topic(device.jsonTopic("dev-q")).qos(MqttQos.AT_MOST_ONCE).payload(utf8("0")).send();
        client.publishWith().topic(device.jsonTopic("dev-q")).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("1")).send();
        client.publishWith().topic(device.jsonTopic("dev-q")).qos(MqttQos.EXACTLY_ONCE).payload(utf8("2")).send();
        client.disconnect();

        List<ConsumerRecord<String, byte[]>> records = telemetry.recordsUntil(device.key("dev-q"), utf8("2"));
        assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("0", "1", "2");
        assertThat(records).extracting(r -> TelemetryReader.decode(r).origin().orElseThrow().qos())
                .containsExactly(0, 1, 2);
    }
}
