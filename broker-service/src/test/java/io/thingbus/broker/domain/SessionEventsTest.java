package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final MqttConnection CONNECTION = new MqttConnection(
            new ConnectionIdentity(TenantId.of("Uab12cd34ef"), DeviceToken.of("MyToken42")), "dev-1_ab", "c-1");

    private final SessionEvents events = new SessionEvents(new ThingScaleAccessPolicy(new ThingScaleTopicParser()),
            Clock.fixed(NOW, ZoneOffset.UTC), "edge-1");

    @Test
    void connected_carriesTokenHashTransportAndVersion_butNeverTheToken() {
        SessionEventRecord record = events.connected(CONNECTION, Transport.WSS, MqttProtocolVersion.V3_1);

        assertThat(record).isEqualTo(new SessionEventRecord("connected", TenantId.of("Uab12cd34ef"), "dev-1_ab",
                "c-1", "edge-1", SecretHash.of("MyToken42"), "wss", "3.1", List.of(), null, NOW));
        assertThat(new String(SessionEventRecord.CODEC.encode(record))).doesNotContain("MyToken42");
    }

    @Test
    void disconnected_carriesTheReason_only() {
        SessionEventRecord record = events.disconnected(CONNECTION, DisconnectReason.TAKEOVER);

        assertThat(record.reason()).isEqualTo("takeover");
        assertThat(record.tokenHash()).isNull();
        assertThat(record.transport()).isNull();
        assertThat(record.at()).isEqualTo(NOW);
    }

    @Test
    void subscribed_classifiesEveryGrantedFilter() {
        SessionEventRecord record = events.subscribed(CONNECTION, List.of(
                new SessionEvents.GrantedFilter("MyToken42/dev-1/subscribe", 1),
                new SessionEvents.GrantedFilter("MyToken42/#", 2),
                new SessionEvents.GrantedFilter("MyToken42/json/+", 0)));

        assertThat(record.event()).isEqualTo("subscribed");
        assertThat(record.subscriptions()).containsExactly(
                new SessionSubscription("MyToken42/dev-1/subscribe", 1, "dev-1"),
                new SessionSubscription("MyToken42/#", 2, "*"),
                new SessionSubscription("MyToken42/json/+", 0, null));
    }

    @Test
    void gatewayFilters_coverTheGatewaysOwnDownlink_soTheirDeviceIsTheGatewaysClientId() {
        MqttConnection gateway = new MqttConnection(CONNECTION.identity(), "Gateway 1", "c-2");

        SessionEventRecord record = events.subscribed(gateway, List.of(
                new SessionEvents.GrantedFilter("v1/gateway/rpc", 1),
                new SessionEvents.GrantedFilter("v1/gateway/attributes", 1),
                new SessionEvents.GrantedFilter("v1/gateway/attributes/response", 0)));

        assertThat(record.subscriptions()).extracting(SessionSubscription::deviceId)
                .containsExactly("Gateway 1", "Gateway 1", "Gateway 1");
    }

    @Test
    void gatewayFilter_ofAClientIdThatIsNoDeviceId_namesNoDevice() {
        MqttConnection client = new MqttConnection(CONNECTION.identity(), "a/b", "c-3");

        SessionEventRecord record = events.subscribed(client, List.of(new SessionEvents.GrantedFilter("v1/gateway/rpc", 1)));

        assertThat(record.subscriptions()).containsExactly(new SessionSubscription("v1/gateway/rpc", 1, null));
    }

    @Test
    void unsubscribed_listsTheFilters_withQos0() {
        SessionEventRecord record = events.unsubscribed(CONNECTION, List.of("MyToken42/+/subscribe"));

        assertThat(record.subscriptions()).containsExactly(new SessionSubscription("MyToken42/+/subscribe", 0, "*"));
    }

    @Test
    void labels_areTheContractsWords() {
        assertThat(List.of(Transport.values())).extracting(Transport::label).containsExactly("tcp", "tls", "ws", "wss");
        assertThat(List.of(MqttProtocolVersion.values())).extracting(MqttProtocolVersion::label)
                .containsExactly("3.1", "3.1.1", "5");
        assertThat(List.of(DisconnectReason.values())).extracting(DisconnectReason::label)
                .containsExactly("client", "server", "lost", "takeover");
    }
}
