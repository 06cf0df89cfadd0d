package io.thingbus.device.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubdevicesTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final GatewayFixture fixture = new GatewayFixture();
    private final Subdevices subdevices = new Subdevices(fixture.registry, fixture.known, fixture.clock,
            GatewayFixture.ENDED_CONNECTION_RETENTION);
    private final IssuedUser user = fixture.newUser();
    private final DeviceKey deviceA = GatewayFixture.key(user, "Device A");

    @Test
    void connectOfAnUnknownSubdevice_registersItWithTheGatewaysTokenAndLinksIt() {
        DeviceToken gatewayToken = fixture.accounts.issueDeviceToken(user.user().id());

        Subdevices.Outcome outcome = subdevices.apply(List.of(connected(deviceA, "gw-1", "c-1", gatewayToken, T0)));

        Device device = fixture.registry.devices().get(deviceA);
        assertThat(device.provisioning()).isEqualTo(Provisioning.AUTO);
        assertThat(device.token()).contains(gatewayToken);
        assertThat(fixture.registry.link(deviceA)).contains(new SubdeviceLink(user.user().id(), DeviceId.of("gw-1"),
                "gw-1", "c-1", true, T0));
        assertThat(outcome).isEqualTo(new Subdevices.Outcome(new RegistrationCounts(1, 0, 0), 1, 0, 0));
        assertThat(fixture.registry.outbox()).filteredOn(m -> m.topic().equals(Topics.DEVICES)).hasSize(1);
        assertThat(fixture.known.contains(deviceA)).isTrue();
    }

    @Test
    void connectOfADeviceCreatedOverRest_keepsItAndOnlyLinksIt() {
        Device created = fixture.devices.register(deviceA, DeviceInput.defaults());

        subdevices.apply(List.of(connected(deviceA, "gw-1", "c-1", null, T0)));

        Device device = fixture.devices.device(deviceA);
        assertThat(device.provisioning()).isEqualTo(Provisioning.API);
        assertThat(device.version()).isEqualTo(created.version());
        assertThat(device.gateway()).map(SubdeviceLink::gatewayId).contains(DeviceId.of("gw-1"));
    }

    @Test
    void disconnect_keepsTheLinkButMarksItDisconnected() {
        subdevices.apply(List.of(connected(deviceA, "gw-1", "c-1", null, T0)));

        subdevices.apply(List.of(disconnected(deviceA, user.user().id(), "gw-1", T0.plusSeconds(5))));

        assertThat(fixture.registry.link(deviceA)).contains(new SubdeviceLink(user.user().id(), DeviceId.of("gw-1"),
                "gw-1", "c-1", false, T0.plusSeconds(5)));
    }

    @Test
    void disconnectFromAGatewayTheDeviceMovedAwayFrom_changesNothing() {
        subdevices.apply(List.of(
                connected(deviceA, "gw-1", "c-1", null, T0),
                connected(deviceA, "gw-2", "c-9", null, T0.plusSeconds(1))));

        subdevices.apply(List.of(disconnected(deviceA, user.user().id(), "gw-1", T0.plusSeconds(2))));

        assertThat(fixture.registry.link(deviceA)).map(SubdeviceLink::connected).contains(true);
        assertThat(fixture.registry.link(deviceA)).map(SubdeviceLink::gatewayId).contains(DeviceId.of("gw-2"));
    }

    @Test
    void aLateConnectFromAnotherGateway_neverUndoesANewerOne() {
        subdevices.apply(List.of(connected(deviceA, "gw-2", "c-9", null, T0.plusSeconds(10))));

        subdevices.apply(List.of(connected(deviceA, "gw-1", "c-1", null, T0)));

        assertThat(fixture.registry.link(deviceA)).map(SubdeviceLink::gatewayId).contains(DeviceId.of("gw-2"));
    }

    @Test
    void endOfTheGatewaySession_disconnectsOnlyTheSubdevicesOfThatConnection() {
        DeviceKey deviceB = GatewayFixture.key(user, "Device B");
        DeviceKey deviceC = GatewayFixture.key(user, "Device C");
        subdevices.apply(List.of(
                connected(deviceA, "gw-1", "c-1", null, T0),
                connected(deviceB, "gw-1", "c-1", null, T0),
                connected(deviceC, "gw-1", "c-2", null, T0.plusSeconds(1))));

        Subdevices.Outcome outcome = subdevices.apply(List.of(
                new GatewayEvent.SessionEnded(user.user().id(), "gw-1", "c-1", T0.plusSeconds(2))));

        assertThat(outcome.disconnected()).isEqualTo(2);
        assertThat(fixture.registry.link(deviceA)).map(SubdeviceLink::connected).contains(false);
        assertThat(fixture.registry.link(deviceB)).map(SubdeviceLink::connected).contains(false);
        assertThat(fixture.registry.link(deviceC)).map(SubdeviceLink::connected).contains(true);
    }

    @Test
    void replayingTheSameEvents_leavesTheSameStateAndRegistersOnce() {
        List<GatewayEvent> events = List.of(connected(deviceA, "gw-1", "c-1", null, T0),
                disconnected(deviceA, user.user().id(), "gw-1", T0.plusSeconds(1)));
        subdevices.apply(events);
        Optional<SubdeviceLink> first = fixture.registry.link(deviceA);

        subdevices.apply(events);

        assertThat(fixture.registry.link(deviceA)).isEqualTo(first);
        assertThat(fixture.registry.outbox()).filteredOn(m -> m.topic().equals(Topics.DEVICES)).hasSize(1);
    }

    @Test
    void connectInATenantThatIsNoUser_registersNothing() {
        DeviceKey stranger = GatewayFixture.key(TenantId.of("Unobody00000"), "Device A");

        Subdevices.Outcome outcome = subdevices.apply(List.of(connected(stranger, "gw-1", "c-1", null, T0)));

        assertThat(outcome.registrations()).isEqualTo(new RegistrationCounts(0, 1, 0));
        assertThat(fixture.registry.devices()).doesNotContainKey(stranger);
    }

    @Test
    void aGatewayNamingItselfAsSubdevice_isIgnored() {
        DeviceKey gateway = GatewayFixture.key(user, "gw-1");

        subdevices.apply(List.of(connected(gateway, "gw-1", "c-1", null, T0)));

        assertThat(fixture.registry.devices()).doesNotContainKey(gateway);
    }

    @Test
    void subdevicesOf_listsTheGatewaysSubdevicesAndIs404ForAnUnknownGateway() {
        subdevices.apply(List.of(
                connected(deviceA, "gw-1", "c-1", null, T0),
                connected(GatewayFixture.key(user, "Device B"), "gw-2", "c-2", null, T0)));

        assertThat(subdevices.subdevicesOf(GatewayFixture.key(user, "gw-1")))
                .extracting(d -> d.key().device().value()).containsExactly("Device A");
        assertThatThrownBy(() -> subdevices.subdevicesOf(GatewayFixture.key(user, "gw-unknown")))
                .isInstanceOf(UnknownDeviceException.class);
    }

    @Test
    void subdevicesOf_aRegisteredDeviceWithoutSubdevices_isEmpty() {
        fixture.devices.register(GatewayFixture.key(user, "plain"), DeviceInput.defaults());

        assertThat(subdevices.subdevicesOf(GatewayFixture.key(user, "plain"))).isEmpty();
    }

    @Test
    void aSubdeviceDeletedOverRest_losesItsLinkAndIsRegisteredAgainByTheNextConnect() {
        subdevices.apply(List.of(connected(deviceA, "gw-1", "c-1", null, T0)));
        fixture.devices.remove(deviceA, VersionCondition.any());
        assertThat(fixture.registry.link(deviceA)).isEmpty();
        fixture.clock.advance(Duration.ofSeconds(1));

        subdevices.apply(List.of(connected(deviceA, "gw-1", "c-1", null, T0.plusSeconds(1))));

        assertThat(fixture.registry.devices()).containsKey(deviceA);
        assertThat(fixture.registry.link(deviceA)).isPresent();
    }

    // --- devices claimed away from the gateway's owner, still carried by its gateway ----------------------------

    @Test
    void connectOfADeviceOwnedByAnotherUser_linksTheOwnersDeviceToTheGatewayAndGivesTheGatewaysOwnerNothing() {
        IssuedUser claimer = fixture.newUser();
        DeviceKey claimersDevice = GatewayFixture.key(claimer, "Device A");
        DeviceToken gatewayToken = fixture.accounts.issueDeviceToken(user.user().id());

        Subdevices.Outcome outcome = subdevices.apply(List.of(
                carriedConnect(claimersDevice, user.user().id(), "gw-1", "c-1", gatewayToken, T0)));

        assertThat(outcome.linked()).isEqualTo(1);
        assertThat(fixture.registry.link(claimersDevice)).contains(new SubdeviceLink(user.user().id(),
                DeviceId.of("gw-1"), "gw-1", "c-1", true, T0));
        assertThat(fixture.registry.devices().get(claimersDevice).token()).contains(claimer.deviceToken());
        assertThat(fixture.registry.devices()).doesNotContainKey(deviceA);
    }

    @Test
    void endOfTheGatewaySession_disconnectsAlsoTheDevicesItCarriesForOtherUsers() {
        DeviceKey claimersDevice = GatewayFixture.key(fixture.newUser(), "Device B");
        subdevices.apply(List.of(
                connected(deviceA, "gw-1", "c-1", null, T0),
                carriedConnect(claimersDevice, user.user().id(), "gw-1", "c-1", null, T0)));

        Subdevices.Outcome outcome = subdevices.apply(List.of(
                new GatewayEvent.SessionEnded(user.user().id(), "gw-1", "c-1", T0.plusSeconds(2))));

        assertThat(outcome.disconnected()).isEqualTo(2);
        assertThat(fixture.registry.link(deviceA)).map(SubdeviceLink::connected).contains(false);
        assertThat(fixture.registry.link(claimersDevice)).map(SubdeviceLink::connected).contains(false);
    }

    @Test
    void sessionEndAndDisconnectOfAnotherTenantsClientWithTheSameId_leaveTheLinkConnected() {
        DeviceKey claimersDevice = GatewayFixture.key(fixture.newUser(), "Device B");
        subdevices.apply(List.of(carriedConnect(claimersDevice, user.user().id(), "gw-1", "c-1", null, T0)));

        subdevices.apply(List.of(
                new GatewayEvent.SessionEnded(claimersDevice.tenant(), "gw-1", "c-1", T0.plusSeconds(1)),
                disconnected(claimersDevice, claimersDevice.tenant(), "gw-1", T0.plusSeconds(1))));

        assertThat(fixture.registry.link(claimersDevice)).map(SubdeviceLink::connected).contains(true);
    }

    @Test
    void disconnectByTheGatewayThatCarriesAnotherUsersDevice_marksThatDeviceDisconnected() {
        DeviceKey claimersDevice = GatewayFixture.key(fixture.newUser(), "Device B");
        subdevices.apply(List.of(carriedConnect(claimersDevice, user.user().id(), "gw-1", "c-1", null, T0)));

        subdevices.apply(List.of(disconnected(claimersDevice, user.user().id(), "gw-1", T0.plusSeconds(1))));

        assertThat(fixture.registry.link(claimersDevice)).map(SubdeviceLink::connected).contains(false);
    }

    @Test
    void subdevicesOf_listsOnlyTheTenantsOwnDevicesOfItsOwnGateway() {
        IssuedUser claimer = fixture.newUser();
        DeviceKey claimersDevice = GatewayFixture.key(claimer, "Device B");
        subdevices.apply(List.of(
                connected(deviceA, "gw-1", "c-1", null, T0),
                carriedConnect(claimersDevice, user.user().id(), "gw-1", "c-1", null, T0)));

        assertThat(subdevices.subdevicesOf(GatewayFixture.key(user, "gw-1")))
                .extracting(d -> d.key().device().value()).containsExactly("Device A");
        assertThatThrownBy(() -> subdevices.subdevicesOf(GatewayFixture.key(claimer, "gw-1")))
                .isInstanceOf(UnknownDeviceException.class);
    }

    // --- connects that arrive after the end of the gateway connection they came over -------------------------

    @Test
    void reannouncedConnectArrivingAfterItsConnectionEnded_leavesTheClaimersDeviceDisconnected() {
        DeviceKey claimersDevice = GatewayFixture.key(fixture.newUser(), "Device B");
        subdevices.apply(List.of(carriedConnect(claimersDevice, user.user().id(), "gw-1", "c-1", null, T0)));
        subdevices.apply(List.of(sessionEnded("gw-1", "c-1", T0.plusSeconds(2))));

        Subdevices.Outcome outcome = subdevices.apply(List.of(
                carriedConnect(claimersDevice, user.user().id(), "gw-1", "c-1", null, T0.plusSeconds(3))));

        assertThat(outcome).isEqualTo(new Subdevices.Outcome(RegistrationCounts.NONE, 0, 0, 1));
        assertThat(fixture.registry.link(claimersDevice)).contains(new SubdeviceLink(user.user().id(),
                DeviceId.of("gw-1"), "gw-1", "c-1", false, T0.plusSeconds(2)));
    }

    @Test
    void connectAfterItsConnectionEndedInTheSameBatch_registersAndLinksNothing() {
        Subdevices.Outcome outcome = subdevices.apply(List.of(
                sessionEnded("gw-1", "c-1", T0),
                connected(deviceA, "gw-1", "c-1", null, T0.plusSeconds(1))));

        assertThat(outcome.afterSessionEnd()).isEqualTo(1);
        assertThat(fixture.registry.devices()).doesNotContainKey(deviceA);
        assertThat(fixture.registry.link(deviceA)).isEmpty();
    }

    @Test
    void connectOverANewConnectionAfterTheOldOneEnded_linksTheDeviceConnected() {
        subdevices.apply(List.of(sessionEnded("gw-1", "c-1", T0)));

        subdevices.apply(List.of(connected(deviceA, "gw-1", "c-2", null, T0.plusSeconds(1))));

        assertThat(fixture.registry.link(deviceA)).contains(new SubdeviceLink(user.user().id(),
                DeviceId.of("gw-1"), "gw-1", "c-2", true, T0.plusSeconds(1)));
    }

    @Test
    void endOfAnotherTenantsClientWithTheSameIdsConnection_doesNotStopTheConnect() {
        TenantId other = fixture.newUser().user().id();
        subdevices.apply(List.of(new GatewayEvent.SessionEnded(other, "gw-1", "c-1", T0)));

        subdevices.apply(List.of(connected(deviceA, "gw-1", "c-1", null, T0.plusSeconds(1))));

        assertThat(fixture.registry.link(deviceA)).map(SubdeviceLink::connected).contains(true);
    }

    @Test
    void connectBeforeItsSessionWasSeenAtAll_isLinkedUntilThatConnectionEnds() {
        subdevices.apply(List.of(connected(deviceA, "gw-1", "c-1", null, T0)));
        assertThat(fixture.registry.link(deviceA)).map(SubdeviceLink::connected).contains(true);

        subdevices.apply(List.of(sessionEnded("gw-1", "c-1", T0.plusSeconds(1))));

        assertThat(fixture.registry.link(deviceA)).map(SubdeviceLink::connected).contains(false);
    }

    @Test
    void replayingAConnectTheSessionEndAndALateConnect_leavesTheDeviceDisconnectedAndRegisteredOnce() {
        List<GatewayEvent> events = List.of(
                connected(deviceA, "gw-1", "c-1", null, T0),
                sessionEnded("gw-1", "c-1", T0.plusSeconds(1)),
                connected(deviceA, "gw-1", "c-1", null, T0.plusSeconds(2)));
        subdevices.apply(events);
        Optional<SubdeviceLink> first = fixture.registry.link(deviceA);

        subdevices.apply(events);

        assertThat(first).map(SubdeviceLink::connected).contains(false);
        assertThat(fixture.registry.link(deviceA)).isEqualTo(first);
        assertThat(fixture.registry.outbox()).filteredOn(m -> m.topic().equals(Topics.DEVICES)).hasSize(1);
    }

    @Test
    void endedConnections_areForgottenOnceRememberedLongerThanTheRetention() {
        Duration retention = GatewayFixture.ENDED_CONNECTION_RETENTION;
        subdevices.apply(List.of(sessionEnded("gw-1", "c-1", T0)));
        fixture.clock.advance(retention);
        subdevices.apply(List.of(sessionEnded("gw-1", "c-2", T0)));
        assertThat(fixture.registry.endedConnections()).extracting(GatewayConnection::connectionId)
                .containsExactlyInAnyOrder("c-1", "c-2");

        fixture.clock.advance(Duration.ofMillis(1));
        subdevices.apply(List.of(sessionEnded("gw-1", "c-3", T0)));

        assertThat(fixture.registry.endedConnections()).extracting(GatewayConnection::connectionId)
                .containsExactlyInAnyOrder("c-2", "c-3");
        subdevices.apply(List.of(connected(deviceA, "gw-1", "c-1", null, T0.plusSeconds(1))));
        assertThat(fixture.registry.link(deviceA)).map(SubdeviceLink::connected).contains(true);
    }

    @Test
    void nonPositiveEndedConnectionRetention_isRejected() {
        assertThatThrownBy(() -> new Subdevices(fixture.registry, fixture.known, fixture.clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    private GatewayEvent sessionEnded(String gateway, String connection, Instant at) {
        return new GatewayEvent.SessionEnded(user.user().id(), gateway, connection, at);
    }

    /** A connect of a sub-device by a gateway of the sub-device's own owner. */
    private static GatewayEvent connected(DeviceKey device, String gateway, String connection, DeviceToken token,
                                          Instant at) {
        return carriedConnect(device, device.tenant(), gateway, connection, token, at);
    }

    /** A connect of {@code device} by a gateway of {@code gatewayTenant}, who may be another user than the owner. */
    private static GatewayEvent carriedConnect(DeviceKey device, TenantId gatewayTenant, String gateway,
                                               String connection, DeviceToken token, Instant at) {
        return new GatewayEvent.SubdeviceConnected(device, gatewayTenant, DeviceId.of(gateway), gateway, connection,
                Optional.ofNullable(token).map(DeviceToken::hash), at);
    }

    private static GatewayEvent disconnected(DeviceKey device, TenantId gatewayTenant, String gateway, Instant at) {
        return new GatewayEvent.SubdeviceDisconnected(device, gatewayTenant, gateway, at);
    }
}
