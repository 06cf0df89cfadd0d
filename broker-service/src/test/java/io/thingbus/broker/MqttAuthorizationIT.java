package io.thingbus.broker;

import static io.thingbus.broker.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BrokerPortsResource.class, restrictToAnnotatedClass = false)
class MqttAuthorizationIT {

    private static final byte[] READING = utf8("{\"temp\":20,\"humidity\":50}");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "thingbus.broker.mqtt.port")
    int mqttPort;

    private final TestDevice device = TestDevice.random();
    private final TestDevice otherDevice = TestDevice.random();
    private TestPlatform platform;
    private TelemetryReader telemetry;

    @BeforeEach
    void registerDevices() {
        platform = new TestPlatform(kafka, mqttPort).register(device, otherDevice);
        telemetry = platform.readTelemetry();
    }

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    void publish_withForeignToken_isRefusedAsNotAuthorized_andNotForwarded() {
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);

        Mqtt5PubAck ack = MqttClients.publishQos1(client, otherDevice.jsonTopic("dev-1"), READING);

        assertThat(ack.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        assertThat(ack.getReasonString()).hasValueSatisfying(
                r -> assertThat(r.toString()).contains("own device token").doesNotContain(otherDevice.token()));
        assertNothingForwardedBeforeMarker(client, "dev-1");
        assertNothingForwardedBeforeMarker(MqttClients.connected5(mqttPort, otherDevice), otherDevice, "dev-1");
    }

    @Test
    void mqtt311Publish_withForeignToken_disconnectsTheClient_andIsNotForwarded() {
        Mqtt3BlockingClient client = MqttClients.connected3(mqttPort, device);

        client.toAsync().publishWith().topic(otherDevice.jsonTopic("dev-1")).qos(MqttQos.AT_LEAST_ONCE)
                .payload(READING).send();

        await().atMost(Duration.ofSeconds(10)).until(() -> !client.getState().isConnected());
        assertNothingForwardedBeforeMarker(MqttClients.connected5(mqttPort, otherDevice), otherDevice, "dev-1");
    }

    @Test
    void brokenJson_onJsonTopic_isRefusedAsPayloadFormatInvalid_andNotForwarded() {
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);

        Mqtt5PubAck ack = MqttClients.publishQos1(client, device.jsonTopic("dev-1"), utf8("{\"temp\":20,"));

        assertThat(ack.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
        assertNothingForwardedBeforeMarker(client, "dev-1");
    }

    @Test
    void jsonArray_onJsonTopic_isRefusedAsPayloadFormatInvalid() {
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);

        assertThat(MqttClients.publishQos1(client, device.jsonTopic("dev-1"), utf8("[1,2]")).getReasonCode())
                .isEqualTo(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
        client.disconnect();
    }

    @Test
    void publish_toOwnDownlinkTopic_isRefusedAsNotAuthorized_andNotDeliveredToSubscribers() throws Exception {
        Mqtt5BlockingClient subscriber = MqttClients.connected5(mqttPort, device);
        try (var received = subscriber.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL)) {
            MqttClients.subscribe(subscriber, device.token() + "/#");
            Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);

            Mqtt5PubAck ack = MqttClients.publishQos1(client, device.token() + "/dev-1/subscribe", READING);
            MqttClients.publishQos1(client, device.jsonTopic("dev-1"), READING);

            assertThat(ack.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            var first = received.receive(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(first).hasValueSatisfying(
                    p -> assertThat(p.getTopic().toString()).isEqualTo(device.jsonTopic("dev-1")));
            client.disconnect();
        } finally {
            subscriber.disconnect();
        }
    }

    @Test
    void publish_withInvalidTag_isRefusedAsTopicNameInvalid() {
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);

        assertThat(MqttClients.publishQos1(client, device.jsonTopic("dev-1") + "/bad:tag", READING).getReasonCode())
                .isEqualTo(Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID);
        assertNothingForwardedBeforeMarker(client, "dev-1");
    }

    @Test
    void subscription_toForeignFilter_isRefused_andOwnTokenFilterIsGranted() {
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);

        assertThat(MqttClients.subscribe(client, otherDevice.token() + "/#"))
                .containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        assertThat(MqttClients.subscribe(client, "#")).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        assertThat(MqttClients.subscribe(client, "$share/group/" + device.token() + "/#"))
                .containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        assertThat(MqttClients.subscribe(client, device.token() + "/#"))
                .containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
        assertThat(MqttClients.subscribe(client, device.token() + "/dev-1/subscribe"))
                .containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
        client.disconnect();
    }

    @Test
    void mqtt311Subscription_toForeignFilter_getsFailureReturnCode() {
        Mqtt3BlockingClient client = MqttClients.connected3(mqttPort, device);

        List<Mqtt3SubAckReturnCode> codes;
        try {
            codes = client.subscribeWith()
                    .addSubscription().topicFilter(otherDevice.token() + "/#").qos(MqttQos.AT_LEAST_ONCE)
                    .applySubscription()
                    .addSubscription().topicFilter(device.token() + "/#").qos(MqttQos.AT_LEAST_ONCE)
                    .applySubscription()
                    .send().getReturnCodes();
        } catch (Mqtt3SubAckException e) {
            codes = e.getMqttMessage().getReturnCodes();
        }

        assertThat(codes).containsExactly(Mqtt3SubAckReturnCode.FAILURE, Mqtt3SubAckReturnCode.SUCCESS_MAXIMUM_QOS_1);
        client.disconnect();
    }

    @Test
    void foreignSubscriber_doesNotReceiveTheDevicesPublishes() throws Exception {
        Mqtt5BlockingClient foreign = MqttClients.connected5(mqttPort, otherDevice);
        try (var received = foreign.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL)) {
            MqttClients.subscribe(foreign, otherDevice.token() + "/#");
            Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);
            Mqtt5BlockingClient otherPublisher = MqttClients.connected5(mqttPort, otherDevice);

            MqttClients.publishQos1(client, device.jsonTopic("dev-1"), READING);
            MqttClients.publishQos1(otherPublisher, otherDevice.jsonTopic("own"), READING);

            var first = received.receive(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(first).hasValueSatisfying(
                    p -> assertThat(p.getTopic().toString()).isEqualTo(otherDevice.jsonTopic("own")));
            client.disconnect();
            otherPublisher.disconnect();
        } finally {
            foreign.disconnect();
        }
    }

    @Test
    void connect_withWillOnForeignTopic_isRefused() {
        Mqtt5BlockingClient client = MqttClients.mqtt5(mqttPort);

        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException.class,
                () -> MqttClients.connectWith(client, device)
                        .willPublish().topic(otherDevice.jsonTopic("dev-1")).payload(READING).applyWillPublish()
                        .send());

        assertThat(refused.getMqttMessage().getReasonCode())
                .isEqualTo(com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void mqtt311Connect_withWillOnForeignTopic_isRefusedAsNotAuthorized() {
        Mqtt3BlockingClient client = MqttClients.mqtt3(mqttPort);

        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException.class,
                () -> MqttClients.connectWith(client, device)
                        .willPublish().topic(otherDevice.jsonTopic("dev-1")).payload(READING).applyWillPublish()
                        .send());

        assertThat(refused.getMqttMessage().getReturnCode()).isEqualTo(
                com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode.NOT_AUTHORIZED);
    }

    @Test
    void connect_withWillOnOwnTelemetryTopic_isAccepted() {
        Mqtt5BlockingClient client = MqttClients.mqtt5(mqttPort);

        MqttClients.connectWith(client, device)
                .willPublish().topic(device.jsonTopic("dev-1")).payload(utf8("{\"online\":false}")).applyWillPublish()
                .send();

        assertThat(client.getState().isConnected()).isTrue();
        client.disconnect();
    }

    @Test
    void mqtt31Subscription_toForeignFilter_disconnectsTheClient_becauseMqtt31SubackHasNoFailureCode()
            throws Exception {
        String clientId = MqttClients.clientId(20);
        org.eclipse.paho.client.mqttv3.MqttClient client = Mqtt31Client.connected(mqttPort, device, clientId, true);
        try (LifecycleReader lifecycle = new LifecycleReader(kafka)) {

            var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    org.eclipse.paho.client.mqttv3.MqttException.class,
                    () -> client.subscribe(otherDevice.token() + "/#", 1));

            await().atMost(Duration.ofSeconds(10)).until(() -> !client.isConnected());
            client.close();
            var events = lifecycle.eventsUntil(LifecycleReader.key(device, clientId), "disconnected");
            assertThat(refused).as("the subscribe call fails").isNotNull();
            assertThat(events.get(events.size() - 1).reason()).isEqualTo("server");
        }
    }

    @Test
    void mqtt31Publish_withForeignToken_disconnectsTheClient_andIsNotForwarded() throws Exception {
        org.eclipse.paho.client.mqttv3.MqttClient client =
                Mqtt31Client.connected(mqttPort, device, MqttClients.clientId(20), true);

        org.assertj.core.api.Assertions.catchThrowable(
                () -> client.publish(otherDevice.jsonTopic("dev-1"), READING, 1, false));

        await().atMost(Duration.ofSeconds(10)).until(() -> !client.isConnected());
        client.close();
        assertNothingForwardedBeforeMarker(MqttClients.connected5(mqttPort, otherDevice), otherDevice, "dev-1");
    }

    @Test
    void mqtt31Connect_withWrongToken_isRefusedAsBadUserNameOrPassword() {
        TestDevice impostor = new TestDevice(device.tenant(), TestDevice.randomText(32));

        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.eclipse.paho.client.mqttv3.MqttException.class,
                () -> Mqtt31Client.connected(mqttPort, impostor, MqttClients.clientId(20), true));

        assertThat(refused.getReasonCode())
                .isEqualTo((int) org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_FAILED_AUTHENTICATION);
    }

    private void assertNothingForwardedBeforeMarker(Mqtt5BlockingClient client, String deviceId) {
        assertNothingForwardedBeforeMarker(client, device, deviceId);
    }

    private void assertNothingForwardedBeforeMarker(Mqtt5BlockingClient client, TestDevice owner, String deviceId) {
        byte[] marker = MqttClients.marker();
        MqttClients.assertAccepted(MqttClients.publishQos1(client, owner.jsonTopic(deviceId), marker));
        client.disconnect();
        List<ConsumerRecord<String, byte[]>> records = telemetry.recordsUntil(owner.key(deviceId), marker);
        assertThat(records).as("records of %s before the marker", owner.key(deviceId)).hasSize(1);
    }
}
