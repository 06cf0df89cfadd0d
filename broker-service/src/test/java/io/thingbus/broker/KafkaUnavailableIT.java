package io.thingbus.broker;

import static io.thingbus.broker.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.thingbus.testing.DedicatedKafkaResource;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement path when Kafka is gone: a device must never be told "stored" for telemetry Kafka does not
 * have. Runs the service against a Kafka of its own, which the test stops.
 */
@QuarkusTest
@TestProfile(KafkaUnavailableIT.ControlledKafka.class)
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BrokerPortsResource.class, restrictToAnnotatedClass = false)
class KafkaUnavailableIT {

    /** Three seconds for Kafka to acknowledge, so the test sees the failure quickly. */
    public static class ControlledKafka implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("thingbus.broker.kafka.delivery-timeout", "3s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DedicatedKafkaResource.class));
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "thingbus.broker.mqtt.port")
    int mqttPort;

    @Test
    void qos1Publish_whileKafkaIsDown_getsAnErrorInsteadOfSuccess_fromDevicesAndGatewaysAlike() {
        assertThat(kafka).isEqualTo(DedicatedKafkaResource.broker().bootstrapServers());
        TestDevice device = TestDevice.random();
        try (KafkaFixture credentials = new KafkaFixture(kafka)) {
            credentials.grant(device);
        }
        MqttClients.awaitAccepted(mqttPort, device);
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);
        Mqtt3BlockingClient client3 = MqttClients.connected3(mqttPort, device);
        Mqtt5BlockingClient gateway = TestGateway.of(device).connect5(mqttPort);
        MqttClients.assertAccepted(MqttClients.publishQos1(client, device.jsonTopic("dev-1"), utf8("1")));
        MqttClients.assertAccepted(MqttClients.publishQos1(gateway, "v1/gateway/telemetry",
                utf8("{\"Device A\":{\"t\":1}}")));

        DedicatedKafkaResource.broker().close();
        Instant published = Instant.now();
        CompletableFuture<?> mqtt3Ack = client3.toAsync().publishWith().topic(device.jsonTopic("dev-3"))
                .qos(MqttQos.AT_LEAST_ONCE).payload(utf8("3")).send();
        Mqtt5PubAck ack = MqttClients.publishQos1(client, device.jsonTopic("dev-1"), utf8("2"));
        Mqtt5PubAck gatewayAck = MqttClients.publishQos1(gateway, "v1/gateway/telemetry",
                utf8("{\"Device A\":{\"t\":2},\"Device B\":{\"t\":2}}"));

        assertThat(ack.getReasonCode().isError()).as("PUBACK %s", ack.getReasonCode()).isTrue();
        assertThat(gatewayAck.getReasonCode()).isEqualTo(
                com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode.UNSPECIFIED_ERROR);
        assertThat(Duration.between(published, Instant.now())).isLessThan(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).until(mqtt3Ack::isDone);
        assertThat(mqtt3Ack).as("MQTT 3.1.1 publish is not acknowledged").isCompletedExceptionally();
        assertThat(client3.getState().isConnected()).isFalse();
        client.disconnect();
        gateway.disconnect();
    }
}
