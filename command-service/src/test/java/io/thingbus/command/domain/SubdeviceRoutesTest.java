package io.thingbus.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which gateway carries a sub-device, and the answers of RPCs, as the state projection keeps them. */
class SubdeviceRoutesTest {

    private static final TenantId TENANT = TenantId.of("Uroutes");
    private static final DeviceKey DEVICE = DeviceKey.of(TENANT, DeviceId.of("Device A"));
    /** The same device id after another user claimed it away from the gateway's owner. */
    private static final DeviceKey CLAIMED = DeviceKey.of(TenantId.of("Uclaimer"), DEVICE.device());
    private static final Instant T1 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T10:01:00Z");
    private static final Instant T3 = Instant.parse("2026-11-21T10:02:00Z");

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final StateProjection projection = new StateProjection(store);

    @Test
    void aSubdeviceConnectedOnTheGatewaysCurrentConnection_isRoutedToThatGatewaysClient() {
        StateReport report = projection.apply(List.of(session("gw-1", "c-1", SessionEventRecord.CONNECTED, T1),
                subdevice("gw-1", "c-1", true, T2)));

        assertThat(store.currentRoute(DEVICE)).contains(new GatewayRoute("gw-1", DeviceId.of("gw-1")));
        assertThat(report.count(StateOutcome.SUBDEVICE_CONNECTED)).isEqualTo(1);
    }

    @Test
    void aDisconnectedSubdevice_hasNoRoute_butStaysKnownAsBehindAGateway() {
        projection.apply(List.of(session("gw-1", "c-1", SessionEventRecord.CONNECTED, T1),
                subdevice("gw-1", "c-1", true, T2), subdevice("gw-1", "c-1", false, T3)));

        assertThat(store.currentRoute(DEVICE)).isEmpty();
        assertThat(store.isBehindGateway(DEVICE)).isTrue();
    }

    @Test
    void theEndOfTheGatewaysSession_endsTheRoute() {
        projection.apply(List.of(session("gw-1", "c-1", SessionEventRecord.CONNECTED, T1),
                subdevice("gw-1", "c-1", true, T2), session("gw-1", "c-1", SessionEventRecord.DISCONNECTED, T3)));

        assertThat(store.currentRoute(DEVICE)).isEmpty();
        assertThat(store.isBehindGateway(DEVICE)).isTrue();
    }

    @Test
    void aDeletedDevice_isNoLongerKnownAsBehindAGateway_untilAGatewayAnnouncesItAgain() {
        projection.apply(List.of(session("gw-1", "c-1", SessionEventRecord.CONNECTED, T1),
                subdevice("gw-1", "c-1", true, T2), subdevice("gw-1", "c-1", false, T2),
                new StateInput.DeviceChange(DEVICE, java.util.Optional.empty())));

        assertThat(store.isBehindGateway(DEVICE)).isFalse();

        projection.apply(List.of(subdevice("gw-1", "c-1", true, T3)));

        assertThat(store.isBehindGateway(DEVICE)).isTrue();
    }

    @Test
    void aNewConnectionOfTheGateway_dropsTheOldConnectionsSubdevices_andIgnoresItsLateEvents() {
        StateReport report = projection.apply(List.of(session("gw-1", "c-1", SessionEventRecord.CONNECTED, T1),
                subdevice("gw-1", "c-1", true, T2), session("gw-1", "c-2", SessionEventRecord.CONNECTED, T2),
                subdevice("gw-1", "c-1", true, T3)));

        assertThat(store.currentRoute(DEVICE)).isEmpty();
        assertThat(report.count(StateOutcome.SUBDEVICE_STALE)).isEqualTo(1);
    }

    @Test
    void aDeviceTwoGatewaysCarry_isRoutedThroughTheOneThatAnnouncedItLast() {
        projection.apply(List.of(session("gw-1", "c-1", SessionEventRecord.CONNECTED, T1),
                session("gw-2", "d-1", SessionEventRecord.CONNECTED, T1),
                subdevice("gw-2", "d-1", true, T3), subdevice("gw-1", "c-1", true, T2)));
        assertThat(store.currentRoute(DEVICE)).map(GatewayRoute::clientId).contains("gw-2");

        projection.apply(List.of(subdevice("gw-2", "d-1", false, T3)));
        assertThat(store.currentRoute(DEVICE)).map(GatewayRoute::clientId).contains("gw-1");
    }

    @Test
    void aDeviceNoGatewayAnnounced_isNotBehindAGateway() {
        projection.apply(List.of(session("gw-1", "c-1", SessionEventRecord.CONNECTED, T1)));

        assertThat(store.isBehindGateway(DEVICE)).isFalse();
        assertThat(store.currentRoute(DEVICE)).isEmpty();
    }

    @Test
    void replayingSubdeviceRecords_inOrder_leavesTheSameState() {
        List<StateInput> log = List.of(session("gw-1", "c-1", SessionEventRecord.CONNECTED, T1),
                subdevice("gw-1", "c-1", true, T2), session("gw-1", "c-2", SessionEventRecord.CONNECTED, T2),
                subdevice("gw-1", "c-2", true, T3), subdevice("gw-1", "c-1", false, T3));
        projection.apply(log);
        Object once = store.snapshot();

        for (int from = log.size() - 1; from >= 0; from--) {
            projection.apply(log.subList(from, log.size()));
            assertThat(store.snapshot()).as("after replaying from record %d", from).isEqualTo(once);
        }
        assertThat(store.currentRoute(DEVICE)).isPresent();
    }

    @Test
    void aDeviceClaimedAwayFromTheGatewaysOwner_isRoutedThroughThatGatewaysSession_forItsNewOwnerOnly() {
        StateReport report = projection.apply(List.of(session("gw-1", "c-1", SessionEventRecord.CONNECTED, T1),
                subdeviceOf(CLAIMED, "gw-1", "c-1", true, T2)));

        assertThat(report.count(StateOutcome.SUBDEVICE_CONNECTED)).isEqualTo(1);
        assertThat(store.currentRoute(CLAIMED)).contains(new GatewayRoute("gw-1", DeviceId.of("gw-1")));
        assertThat(store.isBehindGateway(CLAIMED)).isTrue();
        assertThat(store.currentRoute(DEVICE)).isEmpty();
        assertThat(store.isBehindGateway(DEVICE)).isFalse();
    }

    @Test
    void anAnnouncementNamingANewOwner_movesTheRouteToIt_andTakingTheDeviceBackMovesItBack() {
        projection.apply(List.of(session("gw-1", "c-1", SessionEventRecord.CONNECTED, T1),
                subdevice("gw-1", "c-1", true, T1), subdeviceOf(CLAIMED, "gw-1", "c-1", true, T2)));
        assertThat(store.currentRoute(CLAIMED)).map(GatewayRoute::clientId).contains("gw-1");
        assertThat(store.currentRoute(DEVICE)).isEmpty();

        projection.apply(List.of(subdevice("gw-1", "c-1", true, T3)));

        assertThat(store.currentRoute(DEVICE)).map(GatewayRoute::clientId).contains("gw-1");
        assertThat(store.currentRoute(CLAIMED)).isEmpty();
        assertThat(store.isBehindGateway(CLAIMED)).isTrue();
    }

    @Test
    void aDisconnectedForTheDeviceId_endsWhatTheSessionCarriesUnderIt_whoeverOwnedIt() {
        projection.apply(List.of(session("gw-1", "c-1", SessionEventRecord.CONNECTED, T1),
                subdevice("gw-1", "c-1", true, T2), subdeviceOf(CLAIMED, "gw-1", "c-1", false, T3)));

        assertThat(store.currentRoute(DEVICE)).isEmpty();
        assertThat(store.currentRoute(CLAIMED)).isEmpty();
    }

    @Test
    void theEndOfTheFormerOwnersGatewaySession_endsTheClaimedDevicesRoute_whichStaysBehindAGateway() {
        projection.apply(List.of(session("gw-1", "c-1", SessionEventRecord.CONNECTED, T1),
                subdeviceOf(CLAIMED, "gw-1", "c-1", true, T2),
                session("gw-1", "c-1", SessionEventRecord.DISCONNECTED, T3)));

        assertThat(store.currentRoute(CLAIMED)).isEmpty();
        assertThat(store.isBehindGateway(CLAIMED)).isTrue();
    }

    @Test
    void anAnswer_completesItsRpcOnce_andAnswersToNoRpcAreUnmatched() {
        Rpc rpc = sentRpc();

        StateReport first = projection.apply(List.of(answer(rpc.key().id()), answer(rpc.key().id()), answer(99),
                answerWithId("not-a-number")));

        assertThat(first.count(StateOutcome.RPC_ANSWERED)).isEqualTo(1);
        assertThat(first.count(StateOutcome.RPC_UNMATCHED)).isEqualTo(3);
        Rpc answered = store.rpcs().find(rpc.key()).orElseThrow();
        assertThat(answered.status()).isEqualTo(RpcStatus.SUCCEEDED);
        assertThat(answered.response()).contains(JsonNodeFactory.instance.objectNode().put("ok", true));
        assertThat(answered.respondedAt()).contains(T3);
        assertThat(answered.completedAt()).contains(T3);
    }

    @Test
    void anAnswerAfterTheTimeout_isRecorded_butTheRpcStaysTimedOut() {
        Rpc rpc = sentRpc();
        store.rpcs().markTimedOut(rpc.key(), T2);

        StateReport report = projection.apply(List.of(answer(rpc.key().id())));

        assertThat(report.count(StateOutcome.RPC_ANSWERED_LATE)).isEqualTo(1);
        Rpc late = store.rpcs().find(rpc.key()).orElseThrow();
        assertThat(late.status()).isEqualTo(RpcStatus.TIMED_OUT);
        assertThat(late.response()).isPresent();
        assertThat(late.completedAt()).contains(T2);
    }

    @Test
    void anAnswerToAnRpcHeldForAGateway_isUnmatched_andTheRpcStaysQueued() {
        Rpc held = store.rpcs().create(new NewRpc(DEVICE, "m", JsonNodeFactory.instance.objectNode(), false,
                Duration.ofSeconds(10), T1, T1.plusSeconds(60), Optional.empty()));

        StateReport report = projection.apply(List.of(answer(held.key().id())));

        assertThat(report.count(StateOutcome.RPC_UNMATCHED)).isEqualTo(1);
        Rpc still = store.rpcs().find(held.key()).orElseThrow();
        assertThat(still.status()).isEqualTo(RpcStatus.QUEUED);
        assertThat(still.response()).isEmpty();
    }

    @Test
    void anAnswerFromAnotherGatewayThanTheOneTheRpcWasSentTo_isUnmatched_andTheRightOneStillCompletesIt() {
        Rpc rpc = sentRpc();

        StateReport report = projection.apply(List.of(answerFrom("gw-2", rpc.key().id()), answer(rpc.key().id())));

        assertThat(report.count(StateOutcome.RPC_UNMATCHED)).isEqualTo(1);
        assertThat(report.count(StateOutcome.RPC_ANSWERED)).isEqualTo(1);
        assertThat(store.rpcs().find(rpc.key()).orElseThrow().response())
                .contains(JsonNodeFactory.instance.objectNode().put("ok", true));
    }

    @Test
    void anAnswerThatOvertakesTheRecordOfTheSend_completesTheRpcHandedToThatGateway() {
        Rpc rpc = store.rpcs().create(new NewRpc(DEVICE, "m", JsonNodeFactory.instance.objectNode(), false,
                Duration.ofSeconds(10), T1, T1.plusSeconds(60), Optional.of(T1.plusSeconds(30))));
        store.rpcs().markDispatching(rpc.key(), new GatewayRoute("gw-1", DeviceId.of("gw-1")));

        StateReport report = projection.apply(List.of(answer(rpc.key().id())));

        assertThat(report.count(StateOutcome.RPC_ANSWERED)).isEqualTo(1);
        assertThat(store.rpcs().find(rpc.key()).orElseThrow().status()).isEqualTo(RpcStatus.SUCCEEDED);
    }

    private Rpc sentRpc() {
        Rpc rpc = store.rpcs().create(new NewRpc(DEVICE, "m", JsonNodeFactory.instance.objectNode(), false,
                Duration.ofSeconds(10), T1, T1.plusSeconds(60), Optional.empty()));
        store.rpcs().markSent(rpc.key(), new GatewayRoute("gw-1", DeviceId.of("gw-1")), T1,
                Optional.of(T1.plusSeconds(10)));
        return rpc;
    }

    private static StateInput session(String gateway, String connection, String event, Instant at) {
        return new StateInput.SessionEvent(new SessionEventRecord(event, TENANT, gateway, connection, "broker-0",
                null, SessionEventRecord.CONNECTED.equals(event) ? "tcp" : null,
                SessionEventRecord.CONNECTED.equals(event) ? "3.1.1" : null, List.of(), null, at));
    }

    private static StateInput subdevice(String gateway, String connection, boolean connected, Instant at) {
        return subdeviceOf(DEVICE, gateway, connection, connected, at);
    }

    /** An event of a gateway of {@code TENANT} about {@code device}, which may be another user's (claimed away). */
    private static StateInput subdeviceOf(DeviceKey device, String gateway, String connection, boolean connected,
            Instant at) {
        return new StateInput.SubdeviceEvent(new SubdeviceEventRecord(
                connected ? SubdeviceEventRecord.CONNECTED : SubdeviceEventRecord.DISCONNECTED, TENANT,
                device.device(), null, DeviceId.of(gateway), gateway, connection, "broker-0", null, at,
                device.tenant()));
    }

    private static StateInput answer(long id) {
        return answerWithId(Long.toString(id));
    }

    private static StateInput answerWithId(String id) {
        return new StateInput.RpcAnswer(new RpcResponseRecord(TENANT, DEVICE.device(), id,
                JsonNodeFactory.instance.objectNode().put("ok", true), DeviceId.of("gw-1"), T3));
    }

    /** An answer to RPC {@code id} from the gateway {@code gateway}, with another response than {@link #answer}. */
    private static StateInput answerFrom(String gateway, long id) {
        return new StateInput.RpcAnswer(new RpcResponseRecord(TENANT, DEVICE.device(), Long.toString(id),
                JsonNodeFactory.instance.objectNode().put("ok", false), DeviceId.of(gateway), T3));
    }
}
