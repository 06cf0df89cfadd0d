package io.thingbus.broker;

import static io.thingbus.broker.MqttClients.utf8;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A ThingsBoard gateway of one account: it authenticates with the account's device token, and its MQTT client id is
 * its device id ({@code gw-<random>}).
 */
public record TestGateway(TestDevice account, String clientId) {

    /** Where a gateway gets RPCs to its sub-devices, and answers them. */
    public static final String RPC = "v1/gateway/rpc";
    /** Where a gateway gets shared attribute updates of its sub-devices, and reports client attributes. */
    public static final String ATTRIBUTES = "v1/gateway/attributes";
    /** Where a gateway gets the answers to its attribute requests. */
    public static final String ATTRIBUTES_RESPONSE = "v1/gateway/attributes/response";

    public static TestGateway of(TestDevice account) {
        return new TestGateway(account, "gw-" + TestDevice.randomText(10));
    }

    public TenantId tenant() {
        return account.tenant();
    }

    /** An MQTT 5 connection of the gateway (clean start). */
    public Mqtt5BlockingClient connect5(int port) {
        Mqtt5BlockingClient client = MqttClients.mqtt5(port, clientId);
        MqttClients.connect(client, account);
        return client;
    }

    /** An MQTT 3.1.1 connection of the gateway (clean session). */
    public Mqtt3BlockingClient connect3(int port) {
        Mqtt3BlockingClient client = MqttClients.mqtt3(port, clientId);
        MqttClients.connect(client, account);
        return client;
    }

    /** What the platform sends this gateway (as command-service or device-service would): to this client only. */
    public DownlinkRecord message(String topic, String device, String payload) {
        return new DownlinkRecord(UUID.randomUUID().toString(), Instant.now(), "//thingbus/test", tenant(),
                DeviceId.of(device), topic, Optional.empty(), 1, Optional.empty(), "application/json",
                utf8(payload), Optional.of(clientId));
    }

    /** The Kafka key of a sub-device's records: {@code <tenant>/<device>}. */
    public String key(String device) {
        return tenant().value() + "/" + device;
    }

    /** The Kafka key of the gateway's lifecycle records: {@code <tenant>/<client id>}. */
    public String lifecycleKey() {
        return tenant().value() + "/" + clientId;
    }
}
