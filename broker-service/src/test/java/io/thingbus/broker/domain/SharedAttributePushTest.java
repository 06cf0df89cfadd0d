package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedAttributePushTest {

    private static final TenantId TENANT = TenantId.of("Uab12cd34ef");
    private static final DeviceId DEVICE = DeviceId.of("Device A");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClaimedDevices claims = new ClaimedDevices();
    private final GatewaySubdevices subdevices = new GatewaySubdevices(claims);
    private final SharedAttributePush push = new SharedAttributePush(subdevices, Duration.ofHours(24));

    @Test
    void sharedUpdate_ofAConnectedSubdevice_goesToItsGatewayOnly_inTheThingsBoardForm() throws IOException {
        subdevices.apply(TestSubdeviceEvents.connected(gateway("gw-1"), DEVICE));

        List<OutboundMessage> messages = push.messagesFor(update("shared", "{\"attribute1\":\"value1\",\"n\":42}"));

        assertThat(messages).hasSize(1);
        OutboundMessage message = messages.get(0);
        assertThat(message.topic()).isEqualTo("v1/gateway/attributes");
        assertThat(message.clientId()).contains("gw-1");
        assertThat(message.qos()).isEqualTo(1);
        assertThat(message.expiry()).isEqualTo(Duration.ofHours(24));
        assertThat(message.contentType()).isEqualTo("application/json");
        assertThat(JSON.readTree(message.payload()))
                .isEqualTo(JSON.readTree("{\"device\":\"Device A\",\"data\":{\"attribute1\":\"value1\",\"n\":42}}"));
    }

    @Test
    void deletedKeys_areListedAsDeleted() throws IOException {
        subdevices.apply(TestSubdeviceEvents.connected(gateway("gw-1"), DEVICE));

        OutboundMessage message = push.messagesFor(update("shared", "{\"keep\":1,\"gone\":null}")).get(0);

        assertThat(JSON.readTree(message.payload())).isEqualTo(
                JSON.readTree("{\"device\":\"Device A\",\"data\":{\"keep\":1,\"deleted\":[\"gone\"]}}"));
        assertThat(new String(message.payload(), StandardCharsets.UTF_8)).doesNotContain("null");
    }

    @Test
    void clientScopeUpdates_andDevicesNoGatewayHereConnected_giveNoMessage() {
        subdevices.apply(TestSubdeviceEvents.connected(gateway("gw-1"), DEVICE));

        assertThat(push.messagesFor(update("client", "{\"k\":1}"))).isEmpty();
        assertThat(push.messagesFor(new AttributeUpdateRecord(TENANT, DeviceId.of("Device B"), "shared",
                json("{\"k\":1}"), null, Instant.EPOCH))).isEmpty();
        assertThat(push.messagesFor(new AttributeUpdateRecord(TenantId.of("Uother0001"), DEVICE, "shared",
                json("{\"k\":1}"), null, Instant.EPOCH))).isEmpty();
    }

    @Test
    void sharedUpdateOfTheClaimer_reachesTheFormerOwnersGatewayThatCarriesTheDevice() throws IOException {
        TenantId claimer = TenantId.of("Uclaimer01");
        subdevices.apply(TestSubdeviceEvents.connected(gateway("gw-1"), DEVICE));
        claims.claimed(DeviceKey.of(TENANT, DEVICE), claimer);

        List<OutboundMessage> messages = push.messagesFor(new AttributeUpdateRecord(claimer, DEVICE, "shared",
                json("{\"k\":1}"), null, Instant.EPOCH));

        assertThat(messages).extracting(OutboundMessage::clientId).containsExactly(Optional.of("gw-1"));
        assertThat(JSON.readTree(messages.get(0).payload()))
                .isEqualTo(JSON.readTree("{\"device\":\"Device A\",\"data\":{\"k\":1}}"));
        assertThat(push.messagesFor(update("shared", "{\"k\":2}"))).as("the former owner's update").isEmpty();
    }

    private static MqttConnection gateway(String clientId) {
        return new MqttConnection(new ConnectionIdentity(TENANT, DeviceToken.of("Token1")), clientId, "c-" + clientId);
    }

    private static AttributeUpdateRecord update(String scope, String values) {
        return new AttributeUpdateRecord(TENANT, DEVICE, scope, json(values), null, Instant.EPOCH);
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
