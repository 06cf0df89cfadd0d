package io.thingbus.broker;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * MQTT 3.1 (protocol name {@code MQIsdp}, level 3) as old devices speak it, with the Eclipse Paho client: the HiveMQ
 * client speaks only 3.1.1 and 5. Also MQTT 3.1.1 with Paho, for a connection that drops without DISCONNECT
 * ({@link MqttClient#disconnectForcibly}).
 */
public final class Mqtt31Client {

    private Mqtt31Client() {
    }

    /** Connected as {@code device} over TCP with MQTT 3.1. */
    public static MqttClient connected(int port, TestDevice device, String clientId, boolean cleanSession)
            throws MqttException {
        return connect(port, clientId, options(device, cleanSession));
    }

    /** Connected as {@code device} over TLS with MQTT 3.1, trusting what {@code trust} trusts. */
    public static MqttClient connectedOverTls(int port, TestDevice device, TrustManagerFactory trust)
            throws Exception {
        MqttConnectOptions options = options(device, true);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        options.setSocketFactory(context.getSocketFactory());
        return connect("ssl://127.0.0.1:" + port, MqttClients.clientId(20), options);
    }

    /** MQTT 3.1 options with the device's credentials. */
    public static MqttConnectOptions options(TestDevice device, boolean cleanSession) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
        options.setUserName(device.user());
        options.setPassword(device.token().toCharArray());
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(false);
        return options;
    }

    /** MQTT 3.1.1 clean-session options with the device's credentials, for a test to add a will to. */
    public static MqttConnectOptions mqtt311Options(TestDevice device) {
        MqttConnectOptions options = options(device, true);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        return options;
    }

    /** Connected over TCP with {@code options}. */
    public static MqttClient connect(int port, String clientId, MqttConnectOptions options) throws MqttException {
        return connect("tcp://127.0.0.1:" + port, clientId, options);
    }

    private static MqttClient connect(String uri, String clientId, MqttConnectOptions options) throws MqttException {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        client.connect(options);
        return client;
    }
}
