package io.thingbus.broker;

import static io.thingbus.broker.AttributeFixture.shared;
import static io.thingbus.broker.MqttClients.utf8;
import static io.thingbus.broker.TestGateway.ATTRIBUTES;
import static io.thingbus.broker.TestGateway.ATTRIBUTES_RESPONSE;
import static io.thingbus.broker.TestGateway.RPC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every gateway of every tenant uses the same topic strings: what one gateway publishes never reaches another MQTT
 * client, and what the platform sends a gateway reaches that gateway only. To prove that a client received nothing,
 * the platform sends it a marker afterwards: the first message it receives must be the marker.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BrokerPortsResource.class, restrictToAnnotatedClass = false)
class GatewayIsolationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "thingbus.broker.mqtt.port")
    int mqttPort;

    private final TestDevice account = TestDevice.random();
    private final TestDevice otherAccount = TestDevice.random();
    private TestPlatform platform;
    private DownlinkFixture downlinks;
    private AttributeFixture attributes;

    @BeforeEach
    void registerAccounts() {
        platform = new TestPlatform(kafka, mqttPort).register(account, otherAccount)
                .awaitReady("attribute-push-assigned");
        downlinks = platform.downlinks();
        attributes = platform.attributes();
    }

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    void gatewaysOfTwoTenants_onTheSameTopics_neverReceiveEachOthersPublishes_norTheOthersPlatformMessages()
            throws Exception {
        TestGateway mine = TestGateway.of(account);
        TestGateway theirs = TestGateway.of(otherAccount);
        Mqtt5BlockingClient myClient = mine.connect5(mqttPort);
        Mqtt5BlockingClient theirClient = theirs.connect5(mqttPort);
        try (Mqtt5Publishes myInbox = myClient.publishes(MqttGlobalPublishFilter.ALL);
                Mqtt5Publishes theirInbox = theirClient.publishes(MqttGlobalPublishFilter.ALL)) {
            subscribeToEverythingAllowed(myClient);
            subscribeToEverythingAllowed(theirClient);

            MqttClients.assertAccepted(MqttClients.publishQos1(myClient, RPC,
                    utf8("{\"device\":\"Device A\",\"id\":1,\"data\":{\"secret\":1}}")));
            myClient.publishWith().topic(ATTRIBUTES).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .payload(utf8("{\"Device A\":{\"secret\":2}}")).send();
            myClient.publishWith().topic(ATTRIBUTES_RESPONSE).qos(MqttQos.AT_MOST_ONCE).payload(utf8("{\"secret\":3}"))
                    .send();
            downlinks.send(mine.message(RPC, "Device A", "{\"device\":\"Device A\",\"data\":{\"id\":7}}"));
            downlinks.send(new DownlinkRecord(UUID.randomUUID().toString(), Instant.now(), "//thingbus/test",
                    account.tenant(), DeviceId.of("Device A"), RPC, Optional.empty(), 1, Optional.empty(),
                    "application/json", utf8("{\"broadcast\":true}")));

            Mqtt5Publish myFirst = myInbox.receive(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(myFirst.getTopic().toString()).isEqualTo(RPC);
            assertThat(myFirst.getPayloadAsBytes()).isEqualTo(utf8("{\"device\":\"Device A\",\"data\":{\"id\":7}}"));
            assertFirstIsMarker(theirInbox, theirs);
            assertFirstIsMarker(myInbox, mine);
        } finally {
            myClient.disconnect();
            theirClient.disconnect();
        }
        assertNoRetainedGatewayMessageForALateSubscriber();
    }

    @Test
    void platformMessageForAGateway_reachesOnlyThatGateway_notAnotherOfTheSameTenant() throws Exception {
        TestGateway first = TestGateway.of(account);
        TestGateway second = TestGateway.of(account);
        Mqtt5BlockingClient firstClient = first.connect5(mqttPort);
        Mqtt5BlockingClient secondClient = second.connect5(mqttPort);
        try (Mqtt5Publishes firstInbox = firstClient.publishes(MqttGlobalPublishFilter.ALL);
                Mqtt5Publishes secondInbox = secondClient.publishes(MqttGlobalPublishFilter.ALL)) {
            subscribeToEverythingAllowed(firstClient);
            subscribeToEverythingAllowed(secondClient);

            downlinks.send(first.message(ATTRIBUTES_RESPONSE, "Device A",
                    "{\"id\":1,\"device\":\"Device A\",\"value\":\"v\"}"));

            assertThat(firstInbox.receive(30, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes())
                    .isEqualTo(utf8("{\"id\":1,\"device\":\"Device A\",\"value\":\"v\"}"));
            assertFirstIsMarker(secondInbox, second);
        } finally {
            firstClient.disconnect();
            secondClient.disconnect();
        }
    }

    @Test
    void platformMessageOfOneTenant_forAnotherTenantsGateway_isSkipped() throws Exception {
        TestGateway theirs = TestGateway.of(otherAccount);
        Mqtt5BlockingClient theirClient = theirs.connect5(mqttPort);
        String notValid = "thingbus_broker_downlinks_total{outcome=\"skipped\",reason=\"client_not_valid\"}";
        double before = BrokerMetricsReader.value(notValid);
        try (Mqtt5Publishes theirInbox = theirClient.publishes(MqttGlobalPublishFilter.ALL)) {
            subscribeToEverythingAllowed(theirClient);

            downlinks.send(new TestGateway(account, theirs.clientId()).message(RPC, "Device A", "{\"forged\":true}"));

            await().atMost(Duration.ofSeconds(30)).until(() -> BrokerMetricsReader.value(notValid) > before);
            assertFirstIsMarker(theirInbox, theirs);
        } finally {
            theirClient.disconnect();
        }
    }

    @Test
    void sharedAttributeUpdate_isPushedToTheGatewayThatConnectedTheDevice_andToNoOtherGateway() throws Exception {
        TestGateway serving = TestGateway.of(account);
        TestGateway sameTenant = TestGateway.of(account);
        TestGateway otherTenant = TestGateway.of(otherAccount);
        Mqtt5BlockingClient servingClient = serving.connect5(mqttPort);
        Mqtt5BlockingClient sameTenantClient = sameTenant.connect5(mqttPort);
        Mqtt5BlockingClient otherTenantClient = otherTenant.connect5(mqttPort);
        try (Mqtt5Publishes servingInbox = servingClient.publishes(MqttGlobalPublishFilter.ALL);
                Mqtt5Publishes sameTenantInbox = sameTenantClient.publishes(MqttGlobalPublishFilter.ALL);
                Mqtt5Publishes otherTenantInbox = otherTenantClient.publishes(MqttGlobalPublishFilter.ALL)) {
            subscribeToEverythingAllowed(servingClient);
            subscribeToEverythingAllowed(sameTenantClient);
            subscribeToEverythingAllowed(otherTenantClient);
            connectSubdevice(servingClient, "Device A");
            connectSubdevice(otherTenantClient, "Device A");

            attributes.send(shared(account, "Device A", "{\"targetTemperature\":21.5,\"mode\":null}"));
            attributes.send(AttributeFixture.update(account, "Device A", "client", "{\"reported\":1}"));

            Mqtt5Publish push = servingInbox.receive(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(push.getTopic().toString()).isEqualTo(ATTRIBUTES);
            assertThat(JSON.readTree(push.getPayloadAsBytes())).isEqualTo(JSON.readTree(
                    "{\"device\":\"Device A\",\"data\":{\"targetTemperature\":21.5,\"deleted\":[\"mode\"]}}"));
            assertFirstIsMarker(servingInbox, serving);
            assertFirstIsMarker(sameTenantInbox, sameTenant);
            assertFirstIsMarker(otherTenantInbox, otherTenant);

            disconnectSubdevice(servingClient, "Device A");
            attributes.send(shared(account, "Device A", "{\"afterDisconnect\":true}"));
            assertFirstIsMarker(servingInbox, serving);
        } finally {
            servingClient.disconnect();
            sameTenantClient.disconnect();
            otherTenantClient.disconnect();
        }
    }

    @Test
    void mqtt311Gateway_receivesItsSharedAttributes_andRpc() throws Exception {
        TestGateway gateway = TestGateway.of(account);
        Mqtt3BlockingClient client = gateway.connect3(mqttPort);
        try (var inbox = client.publishes(MqttGlobalPublishFilter.ALL)) {
            client.subscribeWith().topicFilter(ATTRIBUTES).qos(MqttQos.AT_LEAST_ONCE).send();
            client.subscribeWith().topicFilter(RPC).qos(MqttQos.AT_LEAST_ONCE).send();
            client.publishWith().topic("v1/gateway/connect").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("{\"device\":\"Device A\"}")).send();

            attributes.send(shared(account, "Device A", "{\"interval\":30}"));
            Mqtt3Publish push = inbox.receive(30, TimeUnit.SECONDS).orElseThrow();
            downlinks.send(gateway.message(RPC, "Device A", "{\"device\":\"Device A\",\"data\":{\"id\":1}}"));
            Mqtt3Publish rpc = inbox.receive(30, TimeUnit.SECONDS).orElseThrow();

            assertThat(JSON.readTree(push.getPayloadAsBytes()))
                    .isEqualTo(JSON.readTree("{\"device\":\"Device A\",\"data\":{\"interval\":30}}"));
            assertThat(rpc.getTopic().toString()).isEqualTo(RPC);
        } finally {
            client.disconnect();
        }
    }

    @Test
    void anotherTenantsClient_withTheSameClientId_isRefused_andTheGatewayStaysConnected() {
        TestGateway mine = TestGateway.of(account);
        Mqtt5BlockingClient myClient = mine.connect5(mqttPort);
        try {
            Mqtt5BlockingClient intruder = MqttClients.mqtt5(mqttPort, mine.clientId());
            Mqtt5ConnAckException refused = catchThrowableOfType(Mqtt5ConnAckException.class,
                    () -> MqttClients.connect(intruder, otherAccount));
            Mqtt3BlockingClient intruder3 = MqttClients.mqtt3(mqttPort, mine.clientId());
            Mqtt3ConnAckException refused3 = catchThrowableOfType(Mqtt3ConnAckException.class,
                    () -> MqttClients.connect(intruder3, otherAccount));

            assertThat(refused.getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5ConnAckReasonCode.CLIENT_IDENTIFIER_NOT_VALID);
            assertThat(refused3.getMqttMessage().getReturnCode())
                    .isEqualTo(Mqtt3ConnAckReturnCode.IDENTIFIER_REJECTED);
            assertThat(myClient.getState().isConnected()).isTrue();
            MqttClients.assertAccepted(MqttClients.publishQos1(myClient, "v1/gateway/connect",
                    utf8("{\"device\":\"Device A\"}")));
        } finally {
            myClient.disconnect();
        }
    }

    @Test
    void persistentSessionOfAGateway_isNotTakenOverByAnotherTenant_whileItIsOffline() {
        TestGateway mine = TestGateway.of(account);
        Mqtt5BlockingClient myClient = MqttClients.mqtt5(mqttPort, mine.clientId());
        MqttClients.connectWith(myClient, account).cleanStart(true).sessionExpiryInterval(300).send();
        MqttClients.subscribe(myClient, RPC);
        myClient.disconnect();

        Mqtt5BlockingClient intruder = MqttClients.mqtt5(mqttPort, mine.clientId());
        Mqtt5ConnAckException refused = catchThrowableOfType(Mqtt5ConnAckException.class,
                () -> MqttClients.connectWith(intruder, otherAccount).cleanStart(false).send());

        assertThat(refused.getMqttMessage().getReasonCode())
                .isEqualTo(Mqtt5ConnAckReasonCode.CLIENT_IDENTIFIER_NOT_VALID);
        Mqtt5BlockingClient again = MqttClients.mqtt5(mqttPort, mine.clientId());
        var connack = MqttClients.connectWith(again, account).cleanStart(false).sessionExpiryInterval(0).send();
        assertThat(connack.isSessionPresent()).isTrue();
        again.disconnect();
    }

    private void subscribeToEverythingAllowed(Mqtt5BlockingClient client) {
        for (String topic : new String[] {RPC, ATTRIBUTES, ATTRIBUTES_RESPONSE}) {
            assertThat(MqttClients.subscribe(client, topic).get(0).isError()).as(topic).isFalse();
        }
    }

    private static void connectSubdevice(Mqtt5BlockingClient client, String device) {
        MqttClients.assertAccepted(MqttClients.publishQos1(client, "v1/gateway/connect",
                utf8("{\"device\":\"" + device + "\"}")));
    }

    private static void disconnectSubdevice(Mqtt5BlockingClient client, String device) {
        MqttClients.assertAccepted(MqttClients.publishQos1(client, "v1/gateway/disconnect",
                utf8("{\"device\":\"" + device + "\"}")));
    }

    /** Sends {@code gateway} a marker on its RPC topic and asserts that it is the first message it receives. */
    private void assertFirstIsMarker(Mqtt5Publishes inbox, TestGateway gateway) throws InterruptedException {
        String marker = "{\"marker\":\"" + TestDevice.randomText(12) + "\"}";
        downlinks.send(gateway.message(RPC, "marker", marker));
        Mqtt5Publish first = inbox.receive(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(new String(first.getPayloadAsBytes())).as("first message of %s", gateway.clientId())
                .isEqualTo(marker);
    }

    private void assertNoRetainedGatewayMessageForALateSubscriber() throws InterruptedException {
        TestGateway late = TestGateway.of(otherAccount);
        Mqtt5BlockingClient lateClient = late.connect5(mqttPort);
        try (Mqtt5Publishes inbox = lateClient.publishes(MqttGlobalPublishFilter.ALL)) {
            subscribeToEverythingAllowed(lateClient);
            assertFirstIsMarker(inbox, late);
        } finally {
            lateClient.disconnect();
        }
    }
}
