package io.thingbus.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Gateway sub-device connectivity, built from sub-device events beside the gateway's session events. */
class SubdeviceProjectionTest {

    private static final TenantId TENANT = TenantId.of("Usubdevices");
    private static final Instant T1 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T10:05:00Z");
    private static final Instant T3 = Instant.parse("2026-11-21T10:07:00Z");

    private final InMemorySessionStore store = new InMemorySessionStore();
    private final LifecycleProjection projection = new LifecycleProjection(store);
    private final ActiveSessions view = new ActiveSessions(store);
    private final Events gateway = new Events(TENANT, "gw-1");

    @Test
    void subdeviceConnected_onTheGatewaysCurrentConnection_isCarriedByItsSession() {
        ProjectionReport report = projection.apply(List.of(
                gateway.connected("c-1", "broker-0", "tcp", T1),
                gateway.subdeviceConnected("c-1", "Device B", null, T3),
                gateway.subdeviceConnected("c-1", "Device A", "thermometer", T2)));

        assertThat(only().subdevices())
                .extracting(s -> s.device().value(), Subdevice::deviceType, s -> s.gateway().value(),
                        Subdevice::connectedAt)
                .containsExactly(tuple("Device A", Optional.of("thermometer"), "gw-1", T2),
                        tuple("Device B", Optional.empty(), "gw-1", T3));
        assertThat(report.applied()).isEqualTo(3);
    }

    @Test
    void subdeviceDisconnected_removesOnlyThatDevice() {
        projection.apply(List.of(
                gateway.connected("c-1", "broker-0", "tcp", T1),
                gateway.subdeviceConnected("c-1", "Device A", null, T2),
                gateway.subdeviceConnected("c-1", "Device B", null, T2),
                gateway.subdeviceDisconnected("c-1", "Device A"),
                gateway.subdeviceDisconnected("c-1", "never connected")));

        assertThat(only().subdevices()).extracting(s -> s.device().value()).containsExactly("Device B");
    }

    @Test
    void theEndOfTheGatewaysSession_disconnectsAllItsSubdevices() {
        projection.apply(List.of(
                gateway.connected("c-1", "broker-0", "tcp", T1),
                gateway.subdeviceConnected("c-1", "Device A", null, T2),
                gateway.disconnected("c-1", "broker-0", "lost")));

        assertThat(view.devicesOf(TENANT, Optional.empty())).isEmpty();
    }

    @Test
    void aNewConnectionOfTheGateway_startsWithoutSubdevices_andIgnoresTheOldConnectionsLateEvents() {
        ProjectionReport report = projection.apply(List.of(
                gateway.connected("c-1", "broker-0", "tcp", T1),
                gateway.subdeviceConnected("c-1", "Device A", null, T2),
                gateway.connected("c-2", "broker-1", "tcp", T2),
                gateway.subdeviceConnected("c-1", "Device late", null, T3),
                gateway.subdeviceConnected("c-2", "Device B", null, T3)));

        assertThat(only().subdevices()).extracting(s -> s.device().value()).containsExactly("Device B");
        assertThat(report.stale()).isEqualTo(1);
    }

    @Test
    void subdeviceEventsOfAGatewayWithoutASession_areStale() {
        ProjectionReport report = projection.apply(List.of(
                gateway.subdeviceConnected("c-1", "Device A", null, T2),
                gateway.subdeviceDisconnected("c-1", "Device A")));

        assertThat(view.devicesOf(TENANT, Optional.empty())).isEmpty();
        assertThat(report.stale()).isEqualTo(2);
    }

    @Test
    void aSubdeviceConnectedAgain_keepsItsSince_andAKnownTypeWhenTheNewEventHasNone() {
        projection.apply(List.of(
                gateway.connected("c-1", "broker-0", "tcp", T1),
                gateway.subdeviceConnected("c-1", "Device A", "thermometer", T2),
                gateway.subdeviceConnected("c-1", "Device A", null, T3)));
        assertThat(only().subdevices()).extracting(Subdevice::deviceType, Subdevice::connectedAt)
                .containsExactly(tuple(Optional.of("thermometer"), T2));

        projection.apply(List.of(gateway.subdeviceConnected("c-1", "Device A", "hygrometer", T3)));

        assertThat(only().subdevices()).extracting(Subdevice::deviceType, Subdevice::connectedAt)
                .containsExactly(tuple(Optional.of("hygrometer"), T2));
    }

    @Test
    void replayingRecords_inOrder_leavesTheSameView() {
        List<LifecycleInput> log = List.of(
                gateway.connected("c-1", "broker-0", "tcp", T1),
                gateway.subdeviceConnected("c-1", "Device A", "t", T2),
                gateway.subdeviceConnected("c-1", "Device B", null, T2),
                gateway.connected("c-2", "broker-1", "tcp", T2),
                gateway.subdeviceConnected("c-2", "Device B", null, T3),
                gateway.subdeviceConnected("c-2", "Device C", null, T3),
                gateway.subdeviceDisconnected("c-2", "Device C"),
                gateway.disconnected("c-1", "broker-0", "takeover"));
        projection.apply(log);
        var once = store.snapshot();

        for (int from = log.size() - 1; from >= 0; from--) {
            projection.apply(log.subList(from, log.size()));
            assertThat(store.snapshot()).as("after replaying from record %d", from).isEqualTo(once);
        }
        assertThat(only().subdevices()).extracting(s -> s.device().value(), Subdevice::connectedAt)
                .containsExactly(tuple("Device B", T3));
    }

    @Test
    void aSubdeviceTypeWithNul_isRejected_anEmptyTypeCountsAsNone_andTheRestOfTheBatchApplies() {
        ProjectionReport report = projection.apply(List.of(
                gateway.connected("c-1", "broker-0", "tcp", T1),
                gateway.subdeviceConnected("c-1", "Device A", "bad\u0000type", T2),
                gateway.subdeviceConnected("c-1", "Device B", "", T2),
                gateway.subdeviceConnected("c-1", "Device C", null, T2)));

        assertThat(report.rejected()).extracting(ProjectionReport.Rejected::index).containsExactly(1);
        assertThat(only().subdevices()).extracting(s -> s.device().value(), Subdevice::deviceType)
                .containsExactly(tuple("Device B", Optional.empty()), tuple("Device C", Optional.empty()));
    }

    @Test
    void connectedDevices_areListedPerGateway_byDevice_theMostRecentConnectionFirst_ofTheTenantOnly() {
        Events otherGateway = new Events(TENANT, "gw-2");
        Events foreignGateway = new Events(TenantId.of("Uforeign"), "gw-1");
        projection.apply(List.of(
                gateway.connected("c-1", "broker-0", "tcp", T1),
                otherGateway.connected("o-1", "broker-1", "tls", T1),
                foreignGateway.connected("f-1", "broker-0", "tcp", T1),
                gateway.subdeviceConnected("c-1", "Device B", null, T2),
                gateway.subdeviceConnected("c-1", "Device A", null, T2),
                otherGateway.subdeviceConnected("o-1", "Device A", "x", T3),
                foreignGateway.subdeviceConnected("f-1", "Device A", null, T3)));

        List<ConnectedDevice> devices = view.devicesOf(TENANT, Optional.empty());

        assertThat(devices).extracting(d -> d.subdevice().device().value(), d -> d.gatewaySession().clientId(),
                        ConnectedDevice::broker)
                .containsExactly(tuple("Device A", "gw-2", "broker-1"), tuple("Device A", "gw-1", "broker-0"),
                        tuple("Device B", "gw-1", "broker-0"));
        assertThat(view.devicesOf(TENANT, Optional.of(DeviceId.of("Device B"))))
                .extracting(d -> d.gatewaySession().clientId()).containsExactly("gw-1");
    }

    @Test
    void aDeviceQuery_alsoMatchesGatewaySessionsCarryingTheDevice_butTheWildcardDoesNot() {
        projection.apply(List.of(
                gateway.connected("c-1", "broker-0", "tcp", T1),
                gateway.subdeviceConnected("c-1", "Device A", null, T2)));

        assertThat(view.of(TENANT, SessionQuery.parse("Device A", null))).hasSize(1);
        assertThat(view.of(TENANT, SessionQuery.parse("Device Z", null))).isEmpty();
        assertThat(view.of(TENANT, SessionQuery.parse("*", null))).isEmpty();
    }

    private Session only() {
        List<Session> sessions = view.of(TENANT, SessionQuery.all());
        assertThat(sessions).hasSize(1);
        return sessions.get(0);
    }
}
