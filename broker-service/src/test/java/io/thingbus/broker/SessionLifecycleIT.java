package io.thingbus.broker;

import static io.thingbus.broker.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What session-service sees on the lifecycle topic when real clients connect, subscribe and go away. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BrokerPortsResource.class, restrictToAnnotatedClass = false)
class SessionLifecycleIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "thingbus.broker.mqtt.port")
    int mqttPort;

    private final TestDevice device = TestDevice.random();
    private final TestDevice otherDevice = TestDevice.random();
    private TestPlatform platform;
    private LifecycleReader lifecycle;

    @BeforeEach
    void registerDevice() {
        platform = new TestPlatform(kafka, mqttPort).register(device);
        lifecycle = platform.readLifecycle();
    }

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    void connectSubscribeUnsubscribeDisconnect_producesFourEventsOfOneConnection_inOrder_withoutRefusedFilters() {
        Instant before = Instant.now().minusMillis(1);
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);
        String clientId = MqttClients.clientIdOf(client);

        client.subscribeWith()
                .addSubscription().topicFilter(device.token() + "/dev-1/subscribe").qos(MqttQos.AT_LEAST_ONCE)
                .applySubscription()
                .addSubscription().topicFilter(device.token() + "/#").qos(MqttQos.AT_MOST_ONCE).applySubscription()
                .send();
        MqttClients.subscribe(client, otherDevice.token() + "/#");
        client.unsubscribeWith().addTopicFilter(device.token() + "/dev-1/subscribe")
                .addTopicFilter(device.token() + "/never/subscribe").send();
        client.disconnect();

        List<ConsumerRecord<String, byte[]>> records = lifecycle.recordsUntil(LifecycleReader.key(device, clientId),
                e -> e.event().equals(SessionEventRecord.DISCONNECTED));
        List<SessionEventRecord> events = records.stream().map(LifecycleReader::decode).toList();
        assertThat(events).extracting(SessionEventRecord::event).containsExactly("connected", "subscribed",
                "unsubscribed", "disconnected");
        assertThat(events).extracting(SessionEventRecord::connectionId).containsOnly(events.get(0).connectionId());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.tenant()).isEqualTo(device.tenant());
            assertThat(e.clientId()).isEqualTo(clientId);
            assertThat(e.broker()).isEqualTo("test-edge");
            assertThat(e.at()).isBetween(before, Instant.now());
        });
        SessionEventRecord connected = events.get(0);
        assertThat(connected.tokenHash()).isEqualTo(SecretHash.of(device.token()));
        assertThat(connected.transport()).isEqualTo("tcp");
        assertThat(connected.protocolVersion()).isEqualTo("5");
        assertThat(events.get(1).subscriptions()).containsExactly(
                new SessionSubscription(device.token() + "/dev-1/subscribe", 1, "dev-1"),
                new SessionSubscription(device.token() + "/#", 0, SessionSubscription.ALL_DEVICES));
        assertThat(events.get(2).subscriptions()).containsExactly(
                new SessionSubscription(device.token() + "/dev-1/subscribe", 0, "dev-1"),
                new SessionSubscription(device.token() + "/never/subscribe", 0, "never"));
        assertThat(events.get(3).reason()).isEqualTo("client");
        assertThat(events.get(3).tokenHash()).isNull();
    }

    @Test
    void lifecycleRecord_hasCloudEventsHeaders_andIsKeyedByTenantAndClientId() {
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);
        String clientId = MqttClients.clientIdOf(client);
        client.disconnect();

        ConsumerRecord<String, byte[]> connected = lifecycle.recordsUntil(LifecycleReader.key(device, clientId),
                e -> e.event().equals(SessionEventRecord.CONNECTED)).get(0);

        assertThat(connected.key()).isEqualTo(device.user() + "/" + clientId);
        assertThat(LifecycleReader.header(connected, RecordHeaders.CE_SPECVERSION)).isEqualTo("1.0");
        assertThat(LifecycleReader.header(connected, RecordHeaders.CE_TYPE)).isEqualTo(SessionEventRecord.TYPE);
        assertThat(LifecycleReader.header(connected, RecordHeaders.CE_SOURCE))
                .isEqualTo("//thingbus/broker-service/test-edge");
        assertThat(LifecycleReader.header(connected, RecordHeaders.CE_ID)).isNotBlank();
        assertThat(Instant.parse(LifecycleReader.header(connected, RecordHeaders.CE_TIME)))
                .isEqualTo(LifecycleReader.decode(connected).at());
        assertThat(LifecycleReader.header(connected, RecordHeaders.TENANT)).isEqualTo(device.user());
        assertThat(connected.timestamp()).isEqualTo(LifecycleReader.decode(connected).at().toEpochMilli());
    }

    @Test
    void subscriptions_areClassifiedByTheDownlinkTopicsTheyCover() {
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);
        String clientId = MqttClients.clientIdOf(client);

        client.subscribeWith()
                .addSubscription().topicFilter(device.token() + "/+/subscribe").qos(MqttQos.AT_LEAST_ONCE)
                .applySubscription()
                .addSubscription().topicFilter(device.token() + "/dev-2/#").qos(MqttQos.EXACTLY_ONCE)
                .applySubscription()
                .addSubscription().topicFilter(device.token() + "/json/+").qos(MqttQos.AT_LEAST_ONCE)
                .applySubscription()
                .send();
        client.disconnect();

        SessionEventRecord subscribed = lifecycle.eventsUntil(LifecycleReader.key(device, clientId),
                SessionEventRecord.SUBSCRIBED).stream().filter(e -> e.event().equals("subscribed")).findFirst()
                .orElseThrow();
        assertThat(subscribed.subscriptions()).containsExactly(
                new SessionSubscription(device.token() + "/+/subscribe", 1, SessionSubscription.ALL_DEVICES),
                new SessionSubscription(device.token() + "/dev-2/#", 2, "dev-2"),
                new SessionSubscription(device.token() + "/json/+", 1, null));
    }

    @Test
    void mqtt311Unsubscribe_isReported() {
        Mqtt3BlockingClient client = MqttClients.connected3(mqttPort, device);
        String clientId = MqttClients.clientIdOf(client);

        client.subscribeWith().topicFilter(device.token() + "/dev-3/subscribe").qos(MqttQos.AT_LEAST_ONCE).send();
        client.unsubscribeWith().topicFilter(device.token() + "/dev-3/subscribe").send();
        client.disconnect();

        List<SessionEventRecord> events = lifecycle.eventsUntil(LifecycleReader.key(device, clientId),
                SessionEventRecord.DISCONNECTED);
        assertThat(events).extracting(SessionEventRecord::event)
                .containsExactly("connected", "subscribed", "unsubscribed", "disconnected");
        assertThat(events.get(0).protocolVersion()).isEqualTo("3.1.1");
        assertThat(events.get(2).subscriptions()).extracting(SessionSubscription::deviceId).containsExactly("dev-3");
    }

    @Test
    void refusedConnection_producesNoEvent() {
        String clientId = MqttClients.clientId(16);
        Throwable refused = catchThrowable(() -> MqttClients.connectWith(MqttClients.mqtt5(mqttPort, clientId),
                device.user(), "wrong" + device.token()).send());
        Mqtt5BlockingClient accepted = MqttClients.mqtt5(mqttPort, clientId);
        MqttClients.connect(accepted, device);
        accepted.disconnect();

        List<SessionEventRecord> events = lifecycle.eventsUntil(LifecycleReader.key(device, clientId),
                SessionEventRecord.DISCONNECTED);
        assertThat(refused).isNotNull();
        assertThat(events).extracting(SessionEventRecord::event).containsExactly("connected", "disconnected");
    }

    @Test
    void secondConnectionWithTheSameClientId_takesTheSessionOver() {
        String clientId = MqttClients.clientId(16);
        Mqtt5BlockingClient first = MqttClients.mqtt5(mqttPort, clientId);
        MqttClients.connect(first, device);
        Mqtt5BlockingClient second = MqttClients.mqtt5(mqttPort, clientId);
        MqttClients.connect(second, device);
        await().atMost(Duration.ofSeconds(10)).until(() -> !first.getState().isConnected());
        second.disconnect();

        List<SessionEventRecord> events = lifecycle.recordsUntil(LifecycleReader.key(device, clientId),
                e -> e.event().equals("disconnected") && "client".equals(e.reason())).stream()
                .map(LifecycleReader::decode).toList();
        assertThat(events).extracting(SessionEventRecord::event)
                .containsExactly("connected", "connected", "disconnected", "disconnected");
        String firstConnection = events.get(0).connectionId();
        String secondConnection = events.get(1).connectionId();
        assertThat(firstConnection).isNotEqualTo(secondConnection);
        assertThat(events.get(2).connectionId()).isEqualTo(firstConnection);
        assertThat(events.get(2).reason()).isEqualTo("takeover");
        assertThat(events.get(3).connectionId()).isEqualTo(secondConnection);
    }

    @Test
    void connectionDroppedWithoutDisconnect_isReportedAsLost() throws Exception {
        String clientId = MqttClients.clientId(16);
        MqttClient client = Mqtt31Client.connect(mqttPort, clientId, Mqtt31Client.mqtt311Options(device));

        client.disconnectForcibly(0, 1000, false);
        client.close();

        List<SessionEventRecord> events = lifecycle.eventsUntil(LifecycleReader.key(device, clientId),
                SessionEventRecord.DISCONNECTED);
        assertThat(events.get(events.size() - 1).reason()).isEqualTo("lost");
    }

    @Test
    void clientDisconnectedByTheBroker_isReportedAsServer() {
        Mqtt3BlockingClient client = MqttClients.connected3(mqttPort, device);
        String clientId = MqttClients.clientIdOf(client);

        client.toAsync().publishWith().topic(otherDevice.jsonTopic("dev-1")).qos(MqttQos.AT_LEAST_ONCE)
                .payload(utf8("1")).send();

        List<SessionEventRecord> events = lifecycle.eventsUntil(LifecycleReader.key(device, clientId),
                SessionEventRecord.DISCONNECTED);
        assertThat(events.get(events.size() - 1).reason()).isEqualTo("server");
    }
}
