package io.thingbus.broker;

import static io.thingbus.broker.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.testing.InfrastructureResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands from Kafka to devices: what command-service writes to the downlink topic reaches MQTT subscribers. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BrokerPortsResource.class, restrictToAnnotatedClass = false)
class DownlinkDeliveryIT {

    private static final String PUBLISHED = "thingbus_broker_downlinks_total{outcome=\"published\",reason=\"none\"}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "thingbus.broker.mqtt.port")
    int mqttPort;

    private final TestDevice device = TestDevice.random();
    private final TestDevice otherDevice = TestDevice.random();
    private TestPlatform platform;
    private DownlinkFixture downlinks;

    @BeforeEach
    void registerDevices() {
        platform = new TestPlatform(kafka, mqttPort).register(device, otherDevice).awaitReady("downlink-assigned");
        downlinks = platform.downlinks();
    }

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    void downlinkRecord_reachesTheSubscribedDevice_onItsTokensTopic_andNotAnotherTokensClient() throws Exception {
        Mqtt5BlockingClient subscriber = MqttClients.connected5(mqttPort, device);
        Mqtt5BlockingClient foreign = MqttClients.connected5(mqttPort, otherDevice);
        try (var received = subscriber.publishes(MqttGlobalPublishFilter.ALL);
                var foreignReceived = foreign.publishes(MqttGlobalPublishFilter.ALL)) {
            MqttClients.subscribe(subscriber, device.token() + "/dev-1/subscribe");
            MqttClients.subscribe(foreign, otherDevice.token() + "/#");

            downlinks.send(DownlinkFixture.command(device, "dev-1", 1, Optional.empty(), "{\"led\":\"on\"}"));

            Mqtt5Publish command = received.receive(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(command.getTopic().toString()).isEqualTo(device.token() + "/dev-1/subscribe");
            assertThat(command.getPayloadAsBytes()).isEqualTo(utf8("{\"led\":\"on\"}"));
            assertThat(command.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
            assertThat(command.getContentType()).hasValueSatisfying(t -> assertThat(t.toString())
                    .isEqualTo("application/json"));
            assertThat(command.getMessageExpiryInterval().orElseThrow()).isBetween(
                    Duration.ofHours(24).minusMinutes(1).toSeconds(), Duration.ofHours(24).toSeconds());
            downlinks.send(DownlinkFixture.command(otherDevice, "own", 0, Optional.empty(), "{\"marker\":1}"));
            Mqtt5Publish foreignFirst = foreignReceived.receive(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(foreignFirst.getTopic().toString()).isEqualTo(otherDevice.token() + "/own/subscribe");
        } finally {
            subscriber.disconnect();
            foreign.disconnect();
        }
    }

    @Test
    void platformDownlink_isDelivered_thoughAClientMayNotPublishToThatTopic() throws Exception {
        Mqtt5BlockingClient subscriber = MqttClients.connected5(mqttPort, device);
        Mqtt5BlockingClient publisher = MqttClients.connected5(mqttPort, device);
        try (var received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            MqttClients.subscribe(subscriber, device.token() + "/+/subscribe");

            var clientAck = MqttClients.publishQos1(publisher, device.token() + "/dev-1/subscribe", utf8("{}"));
            downlinks.send(DownlinkFixture.command(device, "dev-1", 1, Optional.empty(), "{\"from\":\"platform\"}"));

            assertThat(clientAck.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            Mqtt5Publish first = received.receive(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(first.getPayloadAsBytes()).isEqualTo(utf8("{\"from\":\"platform\"}"));
        } finally {
            subscriber.disconnect();
            publisher.disconnect();
        }
    }

    @Test
    void qos1Downlink_sentWhileAPersistentMqtt5SessionIsOffline_arrivesWhenItReconnects() throws Exception {
        String clientId = MqttClients.clientId(20);
        Mqtt5BlockingClient device1 = MqttClients.mqtt5(mqttPort, clientId);
        MqttClients.connectWith(device1, device).cleanStart(true).sessionExpiryInterval(300).send();
        MqttClients.subscribe(device1, device.token() + "/dev-1/subscribe");
        device1.disconnect();

        double before = BrokerMetricsReader.value(PUBLISHED);
        downlinks.send(DownlinkFixture.command(device, "dev-1", 1, Optional.empty(), "{\"while\":\"offline\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> BrokerMetricsReader.value(PUBLISHED) > before);

        Mqtt5BlockingClient again = MqttClients.mqtt5(mqttPort, clientId);
        try (var received = again.publishes(MqttGlobalPublishFilter.ALL)) {
            var connack = MqttClients.connectWith(again, device).cleanStart(false).sessionExpiryInterval(300).send();
            assertThat(connack.isSessionPresent()).isTrue();
            Mqtt5Publish queued = received.receive(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(queued.getPayloadAsBytes()).isEqualTo(utf8("{\"while\":\"offline\"}"));
        } finally {
            again.disconnect();
        }
    }

    @Test
    void qos1Downlink_sentWhileAnMqtt311CleanSessionFalseClientIsOffline_arrivesWhenItReconnects() throws Exception {
        String clientId = MqttClients.clientId(23);
        Mqtt3BlockingClient device1 = MqttClients.mqtt3(mqttPort, clientId);
        MqttClients.connectWith(device1, device).cleanSession(false).send();
        device1.subscribeWith().topicFilter(device.token() + "/#").qos(MqttQos.AT_LEAST_ONCE).send();
        device1.disconnect();

        double before = BrokerMetricsReader.value(PUBLISHED);
        downlinks.send(DownlinkFixture.command(device, "dev-7", 1, Optional.empty(), "{\"durable\":true}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> BrokerMetricsReader.value(PUBLISHED) > before);

        Mqtt3BlockingClient again = MqttClients.mqtt3(mqttPort, clientId);
        try (var received = again.publishes(MqttGlobalPublishFilter.ALL)) {
            var connack = MqttClients.connectWith(again, device).cleanSession(false).send();
            assertThat(connack.isSessionPresent()).isTrue();
            Mqtt3Publish queued = received.receive(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(queued.getTopic().toString()).isEqualTo(device.token() + "/dev-7/subscribe");
            assertThat(queued.getPayloadAsBytes()).isEqualTo(utf8("{\"durable\":true}"));
        } finally {
            again.disconnect();
        }
    }

    @Test
    void expiredAndMalformedRecords_areSkipped_andTheNextRecordIsStillDelivered() throws Exception {
        Mqtt5BlockingClient subscriber = MqttClients.connected5(mqttPort, device);
        try (var received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            MqttClients.subscribe(subscriber, device.token() + "/dev-1/subscribe");

            downlinks.send(DownlinkFixture.command(device, "dev-1", 1,
                    Optional.of(Instant.now().minusSeconds(5)), "{\"expired\":true}"));
            downlinks.sendRaw(device.key("dev-1"), utf8("{\"malformed\":true}"), List.of(
                    new RecordHeader(RecordHeaders.CE_TYPE, DownlinkRecord.TYPE.getBytes(StandardCharsets.UTF_8))));
            downlinks.send(DownlinkFixture.command(device, "dev-1", 1,
                    Optional.of(Instant.now().plusSeconds(600)), "{\"valid\":true}"));

            Mqtt5Publish first = received.receive(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(first.getPayloadAsBytes()).isEqualTo(utf8("{\"valid\":true}"));
            assertThat(first.getMessageExpiryInterval().orElseThrow()).isBetween(590L, 600L);
        } finally {
            subscriber.disconnect();
        }
        assertThat(BrokerMetricsReader.value(
                "thingbus_broker_downlinks_total{outcome=\"skipped\",reason=\"expired\"}")).isPositive();
        assertThat(BrokerMetricsReader.value(
                "thingbus_broker_downlinks_total{outcome=\"skipped\",reason=\"malformed\"}")).isPositive();
    }

    @Test
    void downlinkForATokenThatNeverConnectedHere_isSkippedAndCounted() {
        TestDevice neverConnected = TestDevice.random();
        platform.registry().grant(neverConnected);
        String unknownToken = "thingbus_broker_downlinks_total{outcome=\"skipped\",reason=\"unknown_token\"}";
        double before = BrokerMetricsReader.value(unknownToken);

        downlinks.send(DownlinkFixture.command(neverConnected, "dev-1", 1, Optional.empty(), "{}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> BrokerMetricsReader.value(unknownToken) > before);
    }

    @Test
    void downlinkWithATopicWithoutPlaceholder_isPublishedAsItIs() throws Exception {
        Mqtt5BlockingClient subscriber = MqttClients.connected5(mqttPort, device);
        try (var received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            MqttClients.subscribe(subscriber, device.token() + "/dev-9/subscribe");

            downlinks.send(new DownlinkRecord("d-" + TestDevice.randomText(8), Instant.now(), "//thingbus/test",
                    device.tenant(), DeviceId.of("dev-9"), device.token() + "/dev-9/subscribe", Optional.empty(), 0,
                    Optional.empty(), "application/octet-stream", new byte[] {1, 2, 3}));

            Mqtt5Publish command = received.receive(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(command.getPayloadAsBytes()).containsExactly(1, 2, 3);
            assertThat(command.getQos()).isEqualTo(MqttQos.AT_MOST_ONCE);
        } finally {
            subscriber.disconnect();
        }
    }
}
