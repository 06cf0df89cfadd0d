package io.thingbus.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A device user B claimed from user A keeps talking through A's gateway: the gateway's sub-device events stay A's
 * session's and name B as the device's owner. B sees the device connected via the gateway; A does not see B's device.
 */
class ClaimedSubdeviceProjectionTest {

    private static final TenantId FORMER_OWNER = TenantId.of("Uformer");
    private static final TenantId CLAIMER = TenantId.of("Uclaimer");
    private static final Instant T1 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T10:05:00Z");
    private static final Instant T3 = Instant.parse("2026-11-21T10:07:00Z");

    private final InMemorySessionStore store = new InMemorySessionStore();
    private final LifecycleProjection projection = new LifecycleProjection(store);
    private final ActiveSessions view = new ActiveSessions(store);
    private final Events formerOwnersGateway = new Events(FORMER_OWNER, "gw-a");
    private final Events claimersGateway = new Events(CLAIMER, "gw-b");

    @Test
    void aClaimedDevice_isListedForItsOwner_viaTheFormerOwnersGateway_besideTheOwnersOwnGateways() {
        projection.apply(List.of(
                formerOwnersGateway.connected("a-1", "broker-0", "tcp", T1),
                claimersGateway.connected("b-1", "broker-1", "tcp", T1),
                formerOwnersGateway.subdeviceConnectedFor(CLAIMER, "a-1", "Device A", "thermometer", T2),
                claimersGateway.subdeviceConnected("b-1", "Device B", null, T3)));

        assertThat(view.devicesOf(CLAIMER, Optional.empty()))
                .extracting(d -> d.subdevice().device().value(), d -> d.subdevice().gateway().value(),
                        ConnectedDevice::gatewaySession, ConnectedDevice::viaAnotherUsersGateway)
                .containsExactly(tuple("Device A", "gw-a", SessionKey.of(FORMER_OWNER, "gw-a"), true),
                        tuple("Device B", "gw-b", SessionKey.of(CLAIMER, "gw-b"), false));
        assertThat(view.devicesOf(CLAIMER, Optional.empty()).get(0).subdevice().deviceType())
                .contains("thermometer");
    }

    @Test
    void theGatewaysUser_seesItsGatewaySession_withoutTheDeviceAnotherUserClaimed() {
        projection.apply(List.of(
                formerOwnersGateway.connected("a-1", "broker-0", "tcp", T1),
                formerOwnersGateway.subdeviceConnectedFor(CLAIMER, "a-1", "Device A", null, T2),
                formerOwnersGateway.subdeviceConnected("a-1", "Device own", null, T2)));

        assertThat(onlySessionOf(FORMER_OWNER).subdevices()).extracting(s -> s.device().value())
                .containsExactly("Device own");
        assertThat(view.devicesOf(FORMER_OWNER, Optional.empty()))
                .extracting(d -> d.subdevice().device().value()).containsExactly("Device own");
        assertThat(view.of(FORMER_OWNER, SessionQuery.parse("Device A", null))).isEmpty();
        assertThat(view.of(CLAIMER, SessionQuery.all())).isEmpty();
    }

    @Test
    void theEndOfTheGatewaysSession_disconnectsTheDevicesOfEveryOwner() {
        projection.apply(List.of(
                formerOwnersGateway.connected("a-1", "broker-0", "tcp", T1),
                formerOwnersGateway.subdeviceConnectedFor(CLAIMER, "a-1", "Device A", null, T2),
                formerOwnersGateway.subdeviceConnected("a-1", "Device own", null, T2),
                formerOwnersGateway.disconnected("a-1", "broker-0", "client")));

        assertThat(view.devicesOf(CLAIMER, Optional.empty())).isEmpty();
        assertThat(view.devicesOf(FORMER_OWNER, Optional.empty())).isEmpty();
    }

    @Test
    void aStaleDisconnectOfTheGateway_keepsTheClaimedDevice() {
        ProjectionReport report = projection.apply(List.of(
                formerOwnersGateway.connected("a-2", "broker-0", "tcp", T1),
                formerOwnersGateway.subdeviceConnectedFor(CLAIMER, "a-2", "Device A", null, T2),
                formerOwnersGateway.disconnected("a-1", "broker-1", "takeover")));

        assertThat(view.devicesOf(CLAIMER, Optional.empty())).hasSize(1);
        assertThat(report.stale()).isEqualTo(1);
    }

    @Test
    void aNewConnectionOfTheGateway_startsWithoutTheDevicesOfAnyOwner() {
        projection.apply(List.of(
                formerOwnersGateway.connected("a-1", "broker-0", "tcp", T1),
                formerOwnersGateway.subdeviceConnectedFor(CLAIMER, "a-1", "Device A", null, T2),
                formerOwnersGateway.connected("a-2", "broker-1", "tcp", T3)));

        assertThat(view.devicesOf(CLAIMER, Optional.empty())).isEmpty();
    }

    @Test
    void aDeviceClaimedWhileConnected_announcedAgainForItsNewOwner_movesToThatOwner_asANewConnection() {
        projection.apply(List.of(
                formerOwnersGateway.connected("a-1", "broker-0", "tcp", T1),
                formerOwnersGateway.subdeviceConnected("a-1", "Device A", "thermometer", T2)));
        assertThat(view.devicesOf(FORMER_OWNER, Optional.empty())).hasSize(1);

        projection.apply(List.of(formerOwnersGateway.subdeviceConnectedFor(CLAIMER, "a-1", "Device A", null, T3)));

        assertThat(view.devicesOf(FORMER_OWNER, Optional.empty())).isEmpty();
        assertThat(onlySessionOf(FORMER_OWNER).subdevices()).isEmpty();
        assertThat(view.devicesOf(CLAIMER, Optional.empty()))
                .extracting(d -> d.subdevice().connectedAt(), d -> d.subdevice().deviceType())
                .containsExactly(tuple(T3, Optional.empty()));
    }

    @Test
    void aDisconnect_removesTheDeviceOfThatId_whoeverItWasAnnouncedFor() {
        projection.apply(List.of(
                formerOwnersGateway.connected("a-1", "broker-0", "tcp", T1),
                formerOwnersGateway.subdeviceConnected("a-1", "Device A", null, T2),
                formerOwnersGateway.subdeviceDisconnectedFor(CLAIMER, "a-1", "Device A")));

        assertThat(view.devicesOf(FORMER_OWNER, Optional.empty())).isEmpty();
        assertThat(view.devicesOf(CLAIMER, Optional.empty())).isEmpty();
    }

    @Test
    void replayingRecords_withClaimedDevices_inOrder_leavesTheSameView() {
        List<LifecycleInput> log = List.of(
                formerOwnersGateway.connected("a-1", "broker-0", "tcp", T1),
                formerOwnersGateway.subdeviceConnected("a-1", "Device A", "t", T1),
                formerOwnersGateway.subdeviceConnectedFor(CLAIMER, "a-1", "Device A", null, T2),
                formerOwnersGateway.subdeviceConnectedFor(CLAIMER, "a-1", "Device C", null, T2),
                formerOwnersGateway.subdeviceConnected("a-1", "Device own", null, T3),
                formerOwnersGateway.subdeviceDisconnectedFor(CLAIMER, "a-1", "Device C"));
        projection.apply(log);
        var once = store.snapshot();

        for (int from = log.size() - 1; from >= 0; from--) {
            projection.apply(log.subList(from, log.size()));
            assertThat(store.snapshot()).as("after replaying from record %d", from).isEqualTo(once);
        }
        assertThat(view.devicesOf(CLAIMER, Optional.empty()))
                .extracting(d -> d.subdevice().device().value(), d -> d.subdevice().connectedAt())
                .containsExactly(tuple("Device A", T2));
    }

    private Session onlySessionOf(TenantId tenant) {
        List<Session> sessions = view.of(tenant, SessionQuery.all());
        assertThat(sessions).hasSize(1);
        return sessions.get(0);
    }
}
