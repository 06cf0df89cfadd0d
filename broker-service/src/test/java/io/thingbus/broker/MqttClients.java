package io.thingbus.broker;

import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult.Mqtt5Qos1Result;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;

/**
 * Real MQTT clients (HiveMQ MQTT client) against the broker under test, over TCP, WebSocket, TLS or secure WebSocket.
 * The builders return clients that are not connected yet; {@code connected…} ones are connected as a device.
 */
public final class MqttClients {

    private static final String HOST = "127.0.0.1";

    private MqttClients() {
    }

    /** An MQTT 5 client with a fresh client id (not connected). */
    public static Mqtt5BlockingClient mqtt5(int port) {
        return mqtt5(port, clientId());
    }

    /** An MQTT 5 client with the given client id (not connected). */
    public static Mqtt5BlockingClient mqtt5(int port, String clientId) {
        return builder(port).identifier(clientId).useMqttVersion5().buildBlocking();
    }

    /** An MQTT 5 client without a client id: the broker assigns one in the CONNACK. */
    public static Mqtt5BlockingClient mqtt5WithoutClientId(int port) {
        return builder(port).useMqttVersion5().buildBlocking();
    }

    /** MQTT 5 over WebSocket on {@code /mqtt}. */
    public static Mqtt5BlockingClient mqtt5OverWebsocket(int port) {
        return builder(port).identifier(clientId()).webSocketConfig().serverPath("mqtt").applyWebSocketConfig()
                .useMqttVersion5().buildBlocking();
    }

    /** MQTT 5 over TLS, trusting what {@code trust} trusts. */
    public static Mqtt5BlockingClient mqtt5OverTls(int port, TrustManagerFactory trust) {
        return tls(builder(port).identifier(clientId()), trust).useMqttVersion5().buildBlocking();
    }

    /** MQTT 5 over WebSocket over TLS on {@code /mqtt}, trusting what {@code trust} trusts. */
    public static Mqtt5BlockingClient mqtt5OverWss(int port, TrustManagerFactory trust) {
        return tls(builder(port).identifier(clientId()), trust)
                .webSocketConfig().serverPath("mqtt").applyWebSocketConfig()
                .useMqttVersion5().buildBlocking();
    }

    /** An MQTT 3.1.1 client with a fresh client id (not connected). */
    public static Mqtt3BlockingClient mqtt3(int port) {
        return mqtt3(port, clientId());
    }

    /** An MQTT 3.1.1 client with the given client id (not connected). */
    public static Mqtt3BlockingClient mqtt3(int port, String clientId) {
        return builder(port).identifier(clientId).useMqttVersion3().buildBlocking();
    }

    /** MQTT 3.1.1 over TLS, trusting what {@code trust} trusts. */
    public static Mqtt3BlockingClient mqtt3OverTls(int port, TrustManagerFactory trust) {
        return tls(builder(port).identifier(clientId()), trust).useMqttVersion3().buildBlocking();
    }

    /** MQTT 3.1.1 over WebSocket on {@code /mqtt}. */
    public static Mqtt3BlockingClient mqtt3OverWebsocket(int port) {
        return builder(port).identifier(clientId()).webSocketConfig().serverPath("mqtt").applyWebSocketConfig()
                .useMqttVersion3().buildBlocking();
    }

    /** An MQTT 5 client connected as {@code device}. */
    public static Mqtt5BlockingClient connected5(int port, TestDevice device) {
        Mqtt5BlockingClient client = mqtt5(port);
        connect(client, device);
        return client;
    }

    /** An MQTT 3.1.1 client connected as {@code device}. */
    public static Mqtt3BlockingClient connected3(int port, TestDevice device) {
        Mqtt3BlockingClient client = mqtt3(port);
        connect(client, device);
        return client;
    }

    /** Connects with the device's user and token (clean start, no will); a refusal throws. */
    public static Mqtt5ConnAck connect(Mqtt5BlockingClient client, TestDevice device) {
        return connectWith(client, device).send();
    }

    /** Connects with the device's user and token (clean session, no will); a refusal throws. */
    public static Mqtt3ConnAck connect(Mqtt3BlockingClient client, TestDevice device) {
        return connectWith(client, device).send();
    }

    /** A CONNECT with the device's user and token, for a test to add a will or session settings to and send. */
    public static Mqtt5ConnectBuilder.Send<Mqtt5ConnAck> connectWith(Mqtt5BlockingClient client, TestDevice device) {
        return connectWith(client, device.user(), device.token());
    }

    /** A CONNECT with user name and password, for a test to add a will or session settings to and send. */
    public static Mqtt5ConnectBuilder.Send<Mqtt5ConnAck> connectWith(Mqtt5BlockingClient client, String user,
            String password) {
        return client.connectWith().simpleAuth().username(user).password(utf8(password)).applySimpleAuth();
    }

    /** An MQTT 3.1.1 CONNECT with the device's user and token, for a test to add a will or session settings to. */
    public static Mqtt3ConnectBuilder.Send<Mqtt3ConnAck> connectWith(Mqtt3BlockingClient client, TestDevice device) {
        return connectWith(client, device.user(), device.token());
    }

    /** An MQTT 3.1.1 CONNECT with user name and password, for a test to add a will or session settings to. */
    public static Mqtt3ConnectBuilder.Send<Mqtt3ConnAck> connectWith(Mqtt3BlockingClient client, String user,
            String password) {
        return client.connectWith().simpleAuth().username(user).password(utf8(password)).applySimpleAuth();
    }

    /** The client id the broker knows the client by. */
    public static String clientIdOf(Mqtt5BlockingClient client) {
        return client.getConfig().getClientIdentifier().map(Object::toString).orElseThrow();
    }

    /** The client id the broker knows the client by. */
    public static String clientIdOf(Mqtt3BlockingClient client) {
        return client.getConfig().getClientIdentifier().map(Object::toString).orElseThrow();
    }

    /** Waits until the broker has read the device's credentials: until it accepts a connection with them. */
    public static void awaitAccepted(int port, TestDevice device) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            Mqtt5BlockingClient probe = mqtt5(port);
            connect(probe, device);
            probe.disconnect();
            return true;
        });
    }

    /** Publishes at QoS 1 and returns the PUBACK, whatever its reason code. */
    public static Mqtt5PubAck publishQos1(Mqtt5BlockingClient client, String topic, byte[] payload) {
        try {
            return ((Mqtt5Qos1Result) client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload)
                    .send()).getPubAck();
        } catch (Mqtt5PubAckException e) {
            return e.getMqttMessage();
        }
    }

    /**
     * Asserts that a PUBACK acknowledges the publish as accepted: {@code SUCCESS}, or {@code NO_MATCHING_SUBSCRIBERS}
     * (also a success code, which HiveMQ sends when no MQTT client subscribes; the telemetry is stored in Kafka either
     * way).
     */
    public static void assertAccepted(Mqtt5PubAck ack) {
        org.assertj.core.api.Assertions.assertThat(ack.getReasonCode().isError())
                .as("PUBACK %s %s", ack.getReasonCode(), ack.getReasonString()).isFalse();
    }

    /** Subscribes at QoS 1 and returns the SUBACK reason codes, whatever they are. */
    public static List<Mqtt5SubAckReasonCode> subscribe(Mqtt5BlockingClient client, String filter) {
        try {
            return client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().getReasonCodes();
        } catch (Mqtt5SubAckException e) {
            return e.getMqttMessage().getReasonCodes();
        }
    }

    /** A payload unique to one test, to mark the end of what a test waits for on the telemetry topic. */
    public static byte[] marker() {
        return utf8("{\"marker\":\"" + TestDevice.randomText(12) + "\"}");
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh client id of {@code length} characters (at least 3). */
    public static String clientId(int length) {
        return "t-" + TestDevice.randomText(length - 2);
    }

    private static String clientId() {
        return clientId(14);
    }

    private static MqttClientBuilder builder(int port) {
        return MqttClient.builder().serverHost(HOST).serverPort(port);
    }

    private static MqttClientBuilder tls(MqttClientBuilder builder, TrustManagerFactory trust) {
        return builder.sslConfig().trustManagerFactory(trust).applySslConfig();
    }
}
