package io.thingbus.session.domain;

import static io.thingbus.session.domain.Events.downlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleProjectionTest {

    private static final TenantId TENANT = TenantId.of("Uprojection");
    private static final Instant T1 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T10:05:00Z");

    private final InMemorySessionStore store = new InMemorySessionStore();
    private final LifecycleProjection projection = new LifecycleProjection(store);
    private final ActiveSessions view = new ActiveSessions(store);
    private final Events client = new Events(TENANT, "dev-1_ab");

    @Test
    void connected_opensASessionWithWhatTheBrokerReported() {
        projection.apply(List.of(client.connected("c-1", "broker-0", "wss", T1)));

        Session session = only();
        assertThat(session.key().clientId()).isEqualTo("dev-1_ab");
        assertThat(session.connectionId()).isEqualTo("c-1");
        assertThat(session.broker()).isEqualTo("broker-0");
        assertThat(session.transport()).isEqualTo(Transport.WSS);
        assertThat(session.protocolVersion()).isEqualTo(MqttVersion.V3_1_1);
        assertThat(session.tokenHash()).contains(Events.TOKEN_HASH);
        assertThat(session.connectedAt()).isEqualTo(T1);
        assertThat(session.subscriptions()).isEmpty();
    }

    @Test
    void subscribed_addsFiltersToTheCurrentConnection_andAGrantAgainReplacesTheQos() {
        projection.apply(List.of(
                client.connected("c-1", "broker-0", "tcp", T1),
                client.subscribed("c-1", "broker-0", downlink("dev-1"), new SessionSubscription("tok/#", 0, "*")),
                client.subscribed("c-1", "broker-0", new SessionSubscription("tok/dev-1/subscribe", 0, "dev-1"))));

        assertThat(only().subscriptions()).extracting(Subscription::filter, Subscription::qos)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tok/#", 0),
                        org.assertj.core.groups.Tuple.tuple("tok/dev-1/subscribe", 0));
    }

    @Test
    void unsubscribed_removesOnlyTheNamedFilters() {
        projection.apply(List.of(
                client.connected("c-1", "broker-0", "tcp", T1),
                client.subscribed("c-1", "broker-0", downlink("dev-1"), downlink("dev-2")),
                client.unsubscribed("c-1", "broker-0", "tok/dev-1/subscribe", "never/subscribed")));

        assertThat(only().coveredDevices()).containsExactly(CoveredDevice.of("dev-2"));
    }

    @Test
    void disconnected_ofTheCurrentConnection_endsTheSession() {
        ProjectionReport report = projection.apply(List.of(
                client.connected("c-1", "broker-0", "tcp", T1),
                client.subscribed("c-1", "broker-0", downlink("dev-1")),
                client.disconnected("c-1", "broker-0", "client")));

        assertThat(view.of(TENANT, SessionQuery.all())).isEmpty();
        assertThat(report.applied()).isEqualTo(3);
        assertThat(report.stale()).isZero();
    }

    @Test
    void reconnectElsewhere_thenTheOldBrokerReportsTheLoss_keepsTheNewSession() {
        ProjectionReport report = projection.apply(List.of(
                client.connected("c-1", "broker-0", "tcp", T1),
                client.subscribed("c-1", "broker-0", downlink("dev-1")),
                client.connected("c-2", "broker-1", "tls", T2),
                client.disconnected("c-1", "broker-0", "lost")));

        Session session = only();
        assertThat(session.connectionId()).isEqualTo("c-2");
        assertThat(session.broker()).isEqualTo("broker-1");
        assertThat(session.transport()).isEqualTo(Transport.TLS);
        assertThat(session.connectedAt()).isEqualTo(T2);
        assertThat(report.stale()).isEqualTo(1);
    }

    @Test
    void reconnect_startsWithoutTheOldConnectionsSubscriptions_andIgnoresItsLateSubscriptions() {
        projection.apply(List.of(
                client.connected("c-1", "broker-0", "tcp", T1),
                client.subscribed("c-1", "broker-0", downlink("dev-1")),
                client.connected("c-2", "broker-1", "tcp", T2),
                client.subscribed("c-1", "broker-0", downlink("dev-9")),
                client.subscribed("c-2", "broker-1", downlink("dev-2"))));

        assertThat(only().coveredDevices()).containsExactly(CoveredDevice.of("dev-2"));
    }

    @Test
    void eventsOfAClientWithoutASession_areStale() {
        ProjectionReport report = projection.apply(List.of(
                client.subscribed("c-1", "broker-0", downlink("dev-1")),
                client.disconnected("c-1", "broker-0", "lost")));

        assertThat(view.of(TENANT, SessionQuery.all())).isEmpty();
        assertThat(report.stale()).isEqualTo(2);
    }

    @Test
    void replayingRecords_inOrder_leavesTheSameView() {
        List<LifecycleInput> log = List.of(
                client.connected("c-1", "broker-0", "tcp", T1),
                client.subscribed("c-1", "broker-0", downlink("dev-1"), downlink("dev-2")),
                client.connected("c-2", "broker-1", "ws", T2),
                client.subscribed("c-2", "broker-1", downlink("dev-3"), downlink("dev-4")),
                client.disconnected("c-1", "broker-0", "takeover"),
                client.unsubscribed("c-2", "broker-1", "tok/dev-4/subscribe"),
                new Events(TENANT, "gone").connected("g-1", "broker-0", "tcp", T1),
                new Events(TENANT, "gone").disconnected("g-1", "broker-0", "client"));
        projection.apply(log);
        var once = store.snapshot();

        for (int from = log.size() - 1; from >= 0; from--) {
            projection.apply(log.subList(from, log.size()));
            assertThat(store.snapshot()).as("after replaying from record %d", from).isEqualTo(once);
        }
        assertThat(only().coveredDevices()).containsExactly(CoveredDevice.of("dev-3"));
    }

    @Test
    void invalidEvents_areRejectedByIndex_andTheOthersApplied() {
        List<LifecycleInput> batch = new ArrayList<>();
        batch.add(client.connected("c-1", "broker-0", "quic", T1));
        batch.add(client.connected("c-1", "broker-0", "tcp", T1));
        batch.add(client.subscribed("c-1", "broker-0", new SessionSubscription("tok/x/subscribe", 1, "a/b")));
        batch.add(client.subscribed("c-1", "broker-0", new SessionSubscription("tok/\u0000", 1, null)));
        batch.add(client.subscribed("c-1", "broker-0", new SessionSubscription("tok/y", 3, null)));

        ProjectionReport report = projection.apply(batch);

        assertThat(report.rejected()).extracting(ProjectionReport.Rejected::index).containsExactly(0, 2, 3, 4);
        assertThat(report.applied()).isEqualTo(1);
        assertThat(only().transport()).isEqualTo(Transport.TCP);
    }

    @Test
    void aFailingStore_keepsNothingOfTheBatch() {
        store.failNextTransaction();

        assertThatThrownBy(() -> projection.apply(List.of(client.connected("c-1", "broker-0", "tcp", T1))))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(view.of(TENANT, SessionQuery.all())).isEmpty();
    }

    private Session only() {
        List<Session> sessions = view.of(TENANT, SessionQuery.all());
        assertThat(sessions).hasSize(1);
        return sessions.get(0);
    }
}
