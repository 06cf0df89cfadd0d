package io.thingbus.broker;

import static io.thingbus.broker.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.testing.InfrastructureResource;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every listener with real clients: MQTT over TCP, WebSocket, TLS and secure WebSocket, with MQTT 3.1 (Paho), 3.1.1
 * and 5 (HiveMQ client). The TLS listeners serve the keystore the launcher would pass, signed by a test CA.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BrokerPortsResource.class, restrictToAnnotatedClass = false)
class MqttListenersIT {

    private static final byte[] READING = utf8("{\"temp\":20,\"humidity\":50}");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "thingbus.broker.mqtt.port")
    int mqttPort;

    @ConfigProperty(name = "thingbus.broker.ws.port")
    int wsPort;

    @ConfigProperty(name = "thingbus.broker.mqtts.port")
    int mqttsPort;

    @ConfigProperty(name = "thingbus.broker.wss.port")
    int wssPort;

    @ConfigProperty(name = "thingbus.broker.tls.keystore-path")
    Path keystore;

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
    void mqtt5OverTls_trustingTheCa_publishes_andTheTelemetryIsForwarded() {
        Mqtt5BlockingClient client = MqttClients.mqtt5OverTls(mqttsPort, trustingTheCa());
        MqttClients.connect(client, device);

        MqttClients.assertAccepted(MqttClients.publishQos1(client, device.jsonTopic("tls-dev"), READING));
        String clientId = MqttClients.clientIdOf(client);
        client.disconnect();

        assertThat(single(device.key("tls-dev")).value()).isEqualTo(READING);
        assertConnectedVia(clientId, "tls", "5");
    }

    @Test
    void mqtt5OverSecureWebsocket_trustingTheCa_publishes_andTheTelemetryIsForwarded() {
        Mqtt5BlockingClient client = MqttClients.mqtt5OverWss(wssPort, trustingTheCa());
        MqttClients.connect(client, device);

        MqttClients.assertAccepted(MqttClients.publishQos1(client, device.jsonTopic("wss-dev"), READING));
        String clientId = MqttClients.clientIdOf(client);
        client.disconnect();

        assertThat(single(device.key("wss-dev")).value()).isEqualTo(READING);
        assertConnectedVia(clientId, "wss", "5");
    }

    @Test
    void mqtt311OverTls_publishesAtQos2_andTheTelemetryIsForwardedOnce() {
        Mqtt3BlockingClient client = MqttClients.mqtt3OverTls(mqttsPort, trustingTheCa());
        MqttClients.connect(client, device);

        client.publishWith().topic(device.jsonTopic("tls3-dev")).qos(MqttQos.EXACTLY_ONCE).payload(READING).send();
        String clientId = MqttClients.clientIdOf(client);
        client.disconnect();

        TelemetryRecord record = TelemetryReader.decode(single(device.key("tls3-dev")));
        assertThat(record.origin()).hasValueSatisfying(o -> assertThat(o.qos()).isEqualTo(2));
        assertConnectedVia(clientId, "tls", "3.1.1");
    }

    @Test
    void mqtt311OverWebsocket_publishes_andTheTelemetryIsForwarded() {
        Mqtt3BlockingClient client = MqttClients.mqtt3OverWebsocket(wsPort);
        MqttClients.connect(client, device);

        client.publishWith().topic(device.jsonTopic("ws3-dev")).qos(MqttQos.AT_LEAST_ONCE).payload(READING).send();
        String clientId = MqttClients.clientIdOf(client);
        client.disconnect();

        assertThat(single(device.key("ws3-dev")).value()).isEqualTo(READING);
        assertConnectedVia(clientId, "ws", "3.1.1");
    }

    @Test
    void mqtt31OverTcp_publishesAtQos0And1_andBothAreForwarded() throws Exception {
        String clientId = MqttClients.clientId(20);
        MqttClient client = Mqtt31Client.connected(mqttPort, device, clientId, true);

        client.publish(device.jsonTopic("v31-dev"), message(utf8("1"), 0));
        byte[] marker = MqttClients.marker();
        client.publish(device.jsonTopic("v31-dev"), message(marker, 1));
        client.disconnect();
        client.close();

        List<ConsumerRecord<String, byte[]>> records = telemetry.recordsUntil(device.key("v31-dev"), marker);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly(utf8("1"), marker);
        assertThat(TelemetryReader.decode(records.get(0)).origin())
                .hasValueSatisfying(o -> assertThat(o.clientId()).isEqualTo(clientId));
        assertConnectedVia(clientId, "tcp", "3.1");
    }

    @Test
    void mqtt31OverTls_publishes_andTheTelemetryIsForwarded() throws Exception {
        MqttClient client = Mqtt31Client.connectedOverTls(mqttsPort, device, trustingTheCa());

        client.publish(device.jsonTopic("v31-tls"), message(READING, 1));
        String clientId = client.getClientId();
        client.disconnect();
        client.close();

        assertThat(single(device.key("v31-tls")).value()).isEqualTo(READING);
        assertConnectedVia(clientId, "tls", "3.1");
    }

    @Test
    void tlsClient_notTrustingTheTestCa_cannotConnect_overTlsOrSecureWebsocket() {
        TrustManagerFactory jdkDefaults = TestCertificates.trustingDefaultCasOnly();

        Throwable overTls = catchThrowable(() -> MqttClients.connect(
                MqttClients.mqtt5OverTls(mqttsPort, jdkDefaults), device));
        Throwable overWss = catchThrowable(() -> MqttClients.connect(
                MqttClients.mqtt5OverWss(wssPort, jdkDefaults), device));

        assertThat(causeChainHas(overTls, SSLHandshakeException.class)).as("over TLS: %s", overTls).isTrue();
        assertThat(causeChainHas(overWss, SSLHandshakeException.class)).as("over WSS: %s", overWss).isTrue();
    }

    @Test
    void plainClient_onTheTlsPort_isNotServed() {
        Throwable refused = catchThrowable(() -> MqttClients.connect(MqttClients.mqtt5(mqttsPort), device));

        assertThat(refused).isNotNull();
    }

    private TrustManagerFactory trustingTheCa() {
        return new TestCertificates(keystore.getParent()).trustingTheCa();
    }

    private ConsumerRecord<String, byte[]> single(String key) {
        List<ConsumerRecord<String, byte[]>> records = telemetry.recordsUntil(key, READING);
        assertThat(records).as("records of %s", key).hasSize(1);
        return records.get(0);
    }

    private void assertConnectedVia(String clientId, String transport, String protocolVersion) {
        List<SessionEventRecord> events = lifecycle.eventsUntil(LifecycleReader.key(device, clientId),
                SessionEventRecord.DISCONNECTED);
        assertThat(events.get(0).event()).isEqualTo(SessionEventRecord.CONNECTED);
        assertThat(events.get(0).transport()).isEqualTo(transport);
        assertThat(events.get(0).protocolVersion()).isEqualTo(protocolVersion);
    }

    private static MqttMessage message(byte[] payload, int qos) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        return message;
    }

    private static boolean causeChainHas(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
