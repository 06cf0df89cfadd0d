package io.thingbus.broker;

import static io.thingbus.broker.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BrokerPortsResource.class, restrictToAnnotatedClass = false)
class MqttAuthenticationIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "thingbus.broker.mqtt.port")
    int mqttPort;

    private final TestDevice device = TestDevice.random();
    private TestPlatform platform;
    private KafkaFixture credentials;

    @BeforeEach
    void registerDevice() {
        platform = new TestPlatform(kafka, mqttPort).register(device);
        credentials = platform.registry();
    }

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    void wrongPassword_isRefusedAsBadUserNameOrPassword() {
        assertThat(mqtt5Refusal(device.user(), TestDevice.randomText(32)))
                .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(mqtt3Refusal(device.user(), TestDevice.randomText(32)))
                .isEqualTo(Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD);
    }

    @Test
    void validToken_underAnotherUser_isRefused() {
        String unknownUser = TestDevice.random().user();

        assertThat(mqtt5Refusal(unknownUser, device.token())).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(mqtt3Refusal(unknownUser, device.token())).isEqualTo(Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD);
    }

    @Test
    void connect_withoutCredentials_isRefused() {
        Mqtt5BlockingClient client = MqttClients.mqtt5(mqttPort);

        Mqtt5ConnAckException refused = catchThrowableOfType(Mqtt5ConnAckException.class, client::connect);

        assertThat(refused.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
    }

    @Test
    void revokedToken_noLongerAuthenticates() {
        credentials.revoke(device);

        await().atMost(Duration.ofSeconds(30)).until(
                () -> mqtt5Refusal(device.user(), device.token()) == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(mqtt3Refusal(device.user(), device.token())).isEqualTo(Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD);
    }

    @Test
    void revokedToken_stopsAnOpenConnectionFromPublishing() {
        Mqtt5BlockingClient client = MqttClients.connected5(mqttPort, device);
        credentials.revoke(device);

        await().atMost(Duration.ofSeconds(30)).until(() -> MqttClients.publishQos1(client, device.jsonTopic("dev-1"),
                utf8("1")).getReasonCode() == Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        client.disconnect();
    }

    @Test
    void malformedCredentialRecords_areSkipped_andLaterRecordsStillApply() {
        TestDevice later = TestDevice.random();
        credentials.sendRaw("not-a-hash", utf8("{}"));
        credentials.sendRaw(io.thingbus.contracts.SecretHash.of(later.token()).value(), utf8("{broken"));
        credentials.grant(later);

        MqttClients.awaitAccepted(mqttPort, later);
    }

    private Mqtt5ConnAckReasonCode mqtt5Refusal(String user, String password) {
        Mqtt5BlockingClient client = MqttClients.mqtt5(mqttPort);
        try {
            MqttClients.connectWith(client, user, password).send();
            client.disconnect();
            return Mqtt5ConnAckReasonCode.SUCCESS;
        } catch (Mqtt5ConnAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
    }

    private Mqtt3ConnAckReturnCode mqtt3Refusal(String user, String password) {
        Mqtt3BlockingClient client = MqttClients.mqtt3(mqttPort);
        try {
            MqttClients.connectWith(client, user, password).send();
            client.disconnect();
            return Mqtt3ConnAckReturnCode.SUCCESS;
        } catch (Mqtt3ConnAckException e) {
            return e.getMqttMessage().getReturnCode();
        }
    }
}
