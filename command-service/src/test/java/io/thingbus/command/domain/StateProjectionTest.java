package io.thingbus.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateProjectionTest {

    private static final TenantId TENANT = TenantId.of("Ustate");
    private static final SecretHash TOKEN = SecretHash.of("tok");
    private static final DeviceKey DEV_1 = DeviceKey.of(TENANT, DeviceId.of("dev-1"));
    private static final SessionKey CLIENT = new SessionKey(TENANT, "dev-1_a");

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final StateProjection projection = new StateProjection(store);

    @Test
    void deviceRecord_isKnownWithItsTokenHash_andATombstoneForgetsIt() {
        projection.apply(List.of(device(DEV_1, TOKEN)));
        assertThat(store.find(DEV_1)).contains(new KnownDevice(DEV_1, Optional.of(TOKEN)));

        projection.apply(List.of(new StateInput.DeviceChange(DEV_1, Optional.empty())));
        assertThat(store.find(DEV_1)).isEmpty();
    }

    @Test
    void deviceRecordFiledUnderAnotherKey_isRejected() {
        DeviceKey other = DeviceKey.of(TENANT, DeviceId.of("dev-2"));
        StateInput.DeviceChange misfiled = new StateInput.DeviceChange(other, ((StateInput.DeviceChange)
                device(DEV_1, TOKEN)).record());

        StateReport report = projection.apply(List.of(misfiled));

        assertThat(report.rejected()).extracting(StateReport.Rejected::index).containsExactly(0);
        assertThat(store.find(other)).isEmpty();
        assertThat(store.find(DEV_1)).isEmpty();
    }

    @Test
    void subscriptions_makeTheDeviceCovered_untilTheSessionDisconnects() {
        projection.apply(List.of(device(DEV_1, TOKEN), connected("c-1"), subscribed("c-1", downlink("dev-1"))));
        assertThat(subscribersOf(DEV_1)).isEqualTo(1);

        projection.apply(List.of(event(SessionEventRecord.DISCONNECTED, "c-1", List.of())));
        assertThat(subscribersOf(DEV_1)).isZero();
        assertThat(store.session(CLIENT)).isEmpty();
    }

    @Test
    void reconnectElsewhere_withALateDisconnectOfTheOldConnection_keepsTheNewSessionsFilters() {
        StateReport report = projection.apply(List.of(device(DEV_1, TOKEN),
                connected("c-1"), subscribed("c-1", downlink("dev-1")),
                connected("c-2"), subscribed("c-2", downlink("dev-1")),
                event(SessionEventRecord.DISCONNECTED, "c-1", List.of())));

        assertThat(subscribersOf(DEV_1)).isEqualTo(1);
        assertThat(store.session(CLIENT).orElseThrow().session().connectionId()).isEqualTo("c-2");
        assertThat(report.staleSessionEvents()).isEqualTo(1);
        assertThat(report.devices()).isEqualTo(1);
    }

    @Test
    void reconnect_dropsTheOldConnectionsFilters_andIgnoresItsLateSubscriptions() {
        projection.apply(List.of(device(DEV_1, TOKEN), connected("c-1"), subscribed("c-1", downlink("dev-1")),
                connected("c-2"), subscribed("c-1", downlink("dev-1"))));

        assertThat(subscribersOf(DEV_1)).isZero();
    }

    @Test
    void onlyDownlinkFilters_areKept_andAFilterGrantedAgainWithoutADevice_stopsCounting() {
        projection.apply(List.of(device(DEV_1, TOKEN), connected("c-1"),
                subscribed("c-1", downlink("dev-1"), new SessionSubscription("news/#", 0, null))));
        assertThat(store.session(CLIENT).orElseThrow().filters()).containsOnlyKeys("tok/dev-1/subscribe");

        projection.apply(List.of(subscribed("c-1", new SessionSubscription("tok/dev-1/subscribe", 1, null))));
        assertThat(subscribersOf(DEV_1)).isZero();
    }

    @Test
    void unsubscribed_removesTheFilter() {
        projection.apply(List.of(device(DEV_1, TOKEN), connected("c-1"), subscribed("c-1", downlink("dev-1"),
                new SessionSubscription("tok/#", 1, "*"))));

        projection.apply(List.of(event(SessionEventRecord.UNSUBSCRIBED, "c-1",
                List.of(new SessionSubscription("tok/#", 0, null)))));

        assertThat(store.session(CLIENT).orElseThrow().filters()).containsOnlyKeys("tok/dev-1/subscribe");
    }

    @Test
    void replayingRecords_inOrder_leavesTheSameState() {
        List<StateInput> log = List.of(device(DEV_1, TOKEN),
                connected("c-1"), subscribed("c-1", downlink("dev-1")),
                connected("c-2"), subscribed("c-2", downlink("dev-1"), new SessionSubscription("tok/#", 1, "*")),
                event(SessionEventRecord.DISCONNECTED, "c-1", List.of()),
                event(SessionEventRecord.UNSUBSCRIBED, "c-2", List.of(new SessionSubscription("tok/#", 1, null))),
                new StateInput.DeviceChange(DeviceKey.of(TENANT, DeviceId.of("gone")), Optional.empty()));
        projection.apply(log);
        Object once = store.snapshot();

        for (int from = log.size() - 1; from >= 0; from--) {
            projection.apply(log.subList(from, log.size()));
            assertThat(store.snapshot()).as("after replaying from record %d", from).isEqualTo(once);
        }
        assertThat(subscribersOf(DEV_1)).isEqualTo(1);
    }

    @Test
    void anInvalidSessionEvent_isRejected_andTheRestOfTheBatchApplied() {
        StateReport report = projection.apply(List.of(connected("c-1"),
                subscribed("c-1", new SessionSubscription("tok/x", 1, "a/b")),
                subscribed("c-1", new SessionSubscription("tok/\u0000", 1, "dev-1")),
                subscribed("c-1", downlink("dev-1"))));

        assertThat(report.rejected()).extracting(StateReport.Rejected::index).containsExactly(1, 2);
        assertThat(report.sessionEvents()).isEqualTo(2);
        assertThat(store.session(CLIENT).orElseThrow().filters()).containsOnlyKeys("tok/dev-1/subscribe");
    }

    private int subscribersOf(DeviceKey device) {
        return SubscriptionCoverage.subscribers(store.find(device).orElseThrow(), store.candidatesFor(device));
    }

    private static StateInput device(DeviceKey key, SecretHash token) {
        Instant at = Instant.parse("2026-11-21T09:00:00Z");
        return new StateInput.DeviceChange(key, Optional.of(new DeviceRecord(key.tenant(), key.device(),
                key.device().value(), ChannelId.defaultFor(key.tenant(), key.device()), "api", at, at, token)));
    }

    private static StateInput connected(String connection) {
        return new StateInput.SessionEvent(new SessionEventRecord(SessionEventRecord.CONNECTED, TENANT,
                CLIENT.clientId(), connection, "broker-" + connection, TOKEN, "tcp", "3.1.1", List.of(), null,
                Instant.parse("2026-11-21T10:00:00Z")));
    }

    private static StateInput subscribed(String connection, SessionSubscription... subscriptions) {
        return event(SessionEventRecord.SUBSCRIBED, connection, List.of(subscriptions));
    }

    private static StateInput event(String type, String connection, List<SessionSubscription> subscriptions) {
        return new StateInput.SessionEvent(new SessionEventRecord(type, TENANT, CLIENT.clientId(), connection,
                "broker-" + connection, null, null, null, subscriptions, null, Instant.parse("2026-11-21T10:01:00Z")));
    }

    private static SessionSubscription downlink(String device) {
        return new SessionSubscription("tok/" + device + "/subscribe", 1, device);
    }
}
