package io.thingbus.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionQueryTest {

    private static final Session TLS_GATEWAY = session("gw", Transport.TLS,
            subscription("tok/#", "*"), subscription("tok/dev-2/subscribe", "dev-2"),
            subscription("tok/dev-1/subscribe", "dev-1"), subscription("other/topic", null));
    private static final Session WS_DEVICE = session("dev-1_x", Transport.WS,
            subscription("tok/dev-1/subscribe", "dev-1"), subscription("tok/dev-1/subscribe/#", "dev-1"));

    @Test
    void coveredDevices_listsEachDeviceOnceInOrder_withTheWildcardLast() {
        assertThat(TLS_GATEWAY.coveredDevices()).extracting(CoveredDevice::value)
                .containsExactly("dev-1", "dev-2", "*");
        assertThat(WS_DEVICE.coveredDevices()).extracting(CoveredDevice::value).containsExactly("dev-1");
    }

    @Test
    void noParameters_matchEverySession() {
        SessionQuery query = SessionQuery.parse(null, "");

        assertThat(query.matches(TLS_GATEWAY)).isTrue();
        assertThat(query.matches(WS_DEVICE)).isTrue();
    }

    @Test
    void deviceId_matchesSessionsNamingThatDevice() {
        assertThat(SessionQuery.parse("dev-2", null).matches(TLS_GATEWAY)).isTrue();
        assertThat(SessionQuery.parse("dev-2", null).matches(WS_DEVICE)).isFalse();
        assertThat(SessionQuery.parse("dev-9", null).matches(TLS_GATEWAY)).isFalse();
    }

    @Test
    void wildcardDeviceId_matchesSessionsCoveringEveryDeviceOfTheirToken() {
        assertThat(SessionQuery.parse("*", null).matches(TLS_GATEWAY)).isTrue();
        assertThat(SessionQuery.parse("*", null).matches(WS_DEVICE)).isFalse();
    }

    @Test
    void transport_andDeviceId_mustBothMatch() {
        assertThat(SessionQuery.parse("dev-1", "ws").matches(WS_DEVICE)).isTrue();
        assertThat(SessionQuery.parse("dev-1", "ws").matches(TLS_GATEWAY)).isFalse();
        assertThat(SessionQuery.parse(null, "tls").matches(TLS_GATEWAY)).isTrue();
    }

    @Test
    void unknownTransport_isAnInvalidQueryNamingTheParameter() {
        assertThatThrownBy(() -> SessionQuery.parse(null, "udp"))
                .isInstanceOfSatisfying(InvalidQueryException.class,
                        e -> assertThat(e.field()).isEqualTo("transport"));
    }

    @Test
    void impossibleDeviceId_isAnInvalidQueryNamingTheParameter() {
        assertThatThrownBy(() -> SessionQuery.parse("a/b", null))
                .isInstanceOfSatisfying(InvalidQueryException.class,
                        e -> assertThat(e.field()).isEqualTo("device_id"));
    }

    @Test
    void activeSessions_areOldestFirst_ofTheTenantOnly_withSubscriptionsByFilter() {
        InMemorySessionStore store = new InMemorySessionStore();
        TenantId tenant = TenantId.of("Uquery");
        Events late = new Events(tenant, "late");
        Events early = new Events(tenant, "early");
        Events foreign = new Events(TenantId.of("Uother"), "early");
        new LifecycleProjection(store).apply(List.of(
                late.connected("l", "b", "tcp", Instant.parse("2026-11-21T10:00:01Z")),
                early.connected("e", "b", "tcp", Instant.parse("2026-11-21T10:00:00Z")),
                foreign.connected("f", "b", "tcp", Instant.parse("2026-11-21T09:00:00Z")),
                early.subscribed("e", "b", Events.downlink("z"), Events.downlink("a"))));

        List<Session> sessions = new ActiveSessions(store).of(tenant, SessionQuery.all());

        assertThat(sessions).extracting(s -> s.key().clientId()).containsExactly("early", "late");
        assertThat(sessions.get(0).subscriptions()).extracting(Subscription::filter)
                .containsExactly("tok/a/subscribe", "tok/z/subscribe");
    }

    private static Session session(String clientId, Transport transport, Subscription... subscriptions) {
        return new Session(SessionKey.of(TenantId.of("Uq"), clientId), "c", "broker-0", transport, MqttVersion.V5,
                Optional.empty(), Instant.EPOCH, List.of(subscriptions), List.of());
    }

    private static Subscription subscription(String filter, String device) {
        return new Subscription(filter, 1, Optional.ofNullable(device).map(CoveredDevice::of));
    }
}
