package io.thingbus.device.domain;

import static io.thingbus.device.domain.DeviceAttributesTest.json;
import static io.thingbus.device.domain.DeviceAttributesTest.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.DeviceClaimRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimingTest {

    private final GatewayFixture fixture = new GatewayFixture();
    private final Claiming claiming =
            new Claiming(fixture.registry, fixture.known, fixture.clock, Duration.ofMinutes(1));
    private final Subdevices subdevices = new Subdevices(fixture.registry, fixture.known, fixture.clock,
            GatewayFixture.ENDED_CONNECTION_RETENTION);
    private final DeviceAttributes attributes = new DeviceAttributes(fixture.registry, fixture.known, fixture.clock);
    private final AutoProvisioning provisioning = new AutoProvisioning(fixture.registry, fixture.known, fixture.clock);
    private final IssuedUser owner = fixture.newUser();
    private final IssuedUser claimer = fixture.newUser();
    private final DeviceKey ownersDevice = GatewayFixture.key(owner, "Device A");
    private final DeviceId deviceA = DeviceId.of("Device A");

    @Test
    void claimRequest_registersTheDeviceAndOpensAWindowForTheDefaultDuration() {
        Claiming.Outcome outcome = claiming.openWindows(List.of(request(ownersDevice, "s3cret", null)));

        assertThat(outcome).isEqualTo(new Claiming.Outcome(new RegistrationCounts(1, 0, 0), 1));
        assertThat(fixture.registry.window(ownersDevice)).contains(new ClaimWindow(ownersDevice,
                SecretHash.of("s3cret"), fixture.clock.instant(), fixture.clock.instant().plus(Duration.ofMinutes(1))));
    }

    @Test
    void claimWithTheSecretInsideTheWindow_movesDeviceAndAttributesToTheClaimer() {
        fixture.devices.register(ownersDevice, DeviceInput.defaults());
        fixture.devices.change(ownersDevice, new DeviceInput(Optional.of(DeviceName.of("Kitchen")), Optional.empty()),
                VersionCondition.any());
        attributes.report(List.of(new DeviceAttributes.Report(ownersDevice, patch("{\"fw\":\"1.2\"}"))));
        attributes.changeShared(ownersDevice, patch("{\"mode\":\"eco\"}"));
        claiming.openWindows(List.of(request(ownersDevice, "s3cret", 60_000L)));
        fixture.clock.advance(Duration.ofSeconds(30));

        Device claimed = claiming.claim(claimer.user().id(), deviceA, "s3cret");

        DeviceKey claimersDevice = GatewayFixture.key(claimer, "Device A");
        assertThat(claimed.key()).isEqualTo(claimersDevice);
        assertThat(claimed.name().value()).isEqualTo("Kitchen");
        assertThat(claimed.token()).contains(claimer.deviceToken());
        assertThat(claimed.provisioning()).isEqualTo(Provisioning.API);
        assertThat(fixture.registry.devices()).doesNotContainKey(ownersDevice).containsKey(claimersDevice);
        assertThat(fixture.registry.attributes(claimersDevice, AttributeScope.CLIENT))
                .containsExactly(Map.entry(AttributeKey.of("fw"), json("\"1.2\"")));
        assertThat(fixture.registry.attributes(claimersDevice, AttributeScope.SHARED))
                .containsExactly(Map.entry(AttributeKey.of("mode"), json("\"eco\"")));
        assertThat(fixture.registry.attributes(ownersDevice, AttributeScope.CLIENT)).isEmpty();
        assertThat(fixture.registry.window(ownersDevice)).isEmpty();
        assertThat(deviceMessages(ownersDevice).get(deviceMessages(ownersDevice).size() - 1).isTombstone()).isTrue();
        assertThat(DeviceRecord.CODEC.decode(deviceMessages(claimersDevice).get(0).value()).tenant())
                .isEqualTo(claimer.user().id());
    }

    @Test
    void theOldOwnersAutoProvisioning_doesNotBringAClaimedDeviceBack() {
        claiming.openWindows(List.of(request(ownersDevice, "", null)));
        claiming.claim(claimer.user().id(), deviceA, "");
        KnownDevices freshInstance = new KnownDevices(100, Duration.ofMinutes(10), fixture.clock);

        RegistrationCounts counts = new AutoProvisioning(fixture.registry, freshInstance, fixture.clock)
                .provision(List.of(new AutoProvisioning.SeenDevice(ownersDevice, Optional.empty())));

        assertThat(counts).isEqualTo(new RegistrationCounts(0, 0, 1));
        assertThat(fixture.registry.devices()).doesNotContainKey(ownersDevice);
    }

    @Test
    void theOldOwnersGateway_cannotReopenAWindowForAClaimedDevice() {
        claiming.openWindows(List.of(request(ownersDevice, "", null)));
        claiming.claim(claimer.user().id(), deviceA, "");

        Claiming.Outcome outcome = claiming.openWindows(List.of(request(ownersDevice, "", null)));

        assertThat(outcome).isEqualTo(new Claiming.Outcome(new RegistrationCounts(0, 0, 1), 0));
    }

    @Test
    void theOldOwnerCreatingTheDeviceOverRest_getsAutoProvisioningBack() {
        claiming.openWindows(List.of(request(ownersDevice, "", null)));
        claiming.claim(claimer.user().id(), deviceA, "");

        fixture.devices.register(ownersDevice, DeviceInput.defaults());

        assertThat(fixture.registry.claimedAway(ownersDevice)).isFalse();
    }

    @Test
    void claim_announcesTheClaimUnderTheFormerDeviceKeyInTheSameTransaction() {
        claiming.openWindows(List.of(request(ownersDevice, "", null)));
        int transactionsBefore = fixture.registry.transactions();

        claiming.claim(claimer.user().id(), deviceA, "");

        List<OutboxMessage> claims = claimMessages(ownersDevice);
        assertThat(claims).hasSize(1);
        assertThat(DeviceClaimRecord.CODEC.decode(claims.get(0).value())).isEqualTo(new DeviceClaimRecord(
                owner.user().id(), deviceA, claimer.user().id(), fixture.clock.instant()));
        assertThat(claims.get(0).tenant()).isEqualTo(owner.user().id());
        assertThat(fixture.registry.transactions()).isEqualTo(transactionsBefore + 1);
        assertThat(claimMessages(GatewayFixture.key(claimer, "Device A"))).isEmpty();
    }

    @Test
    void theOldOwnerCreatingTheDeviceOverRest_endsTheClaimWithATombstone() {
        claiming.openWindows(List.of(request(ownersDevice, "", null)));
        claiming.claim(claimer.user().id(), deviceA, "");

        fixture.devices.register(ownersDevice, DeviceInput.defaults());

        List<OutboxMessage> claims = claimMessages(ownersDevice);
        assertThat(claims).hasSize(2);
        assertThat(claims.get(1).isTombstone()).isTrue();
        assertThat(claims.get(1).type()).isEqualTo(DeviceClaimRecord.TYPE);
    }

    @Test
    void claimingBackADeviceOnceClaimedAway_announcesTheNewClaimAndEndsTheOldOne() {
        DeviceKey claimersDevice = GatewayFixture.key(claimer, "Device A");
        claiming.openWindows(List.of(request(ownersDevice, "", null)));
        claiming.claim(claimer.user().id(), deviceA, "");
        claiming.openWindows(List.of(request(claimersDevice, "back", null)));

        claiming.claim(owner.user().id(), deviceA, "back");

        assertThat(claimMessages(ownersDevice)).extracting(OutboxMessage::isTombstone).containsExactly(false, true);
        assertThat(DeviceClaimRecord.CODEC.decode(claimMessages(claimersDevice).get(0).value()).claimedBy())
                .isEqualTo(owner.user().id());
        assertThat(fixture.registry.claimedAway(ownersDevice)).isFalse();
    }

    @Test
    void claimingBackADeviceOnceClaimedAway_endsTheOldClaimBeforeAnnouncingTheNewOne() {
        DeviceKey claimersDevice = GatewayFixture.key(claimer, "Device A");
        claiming.openWindows(List.of(request(ownersDevice, "", null)));
        claiming.claim(claimer.user().id(), deviceA, "");
        claiming.openWindows(List.of(request(claimersDevice, "back", null)));

        claiming.claim(owner.user().id(), deviceA, "back");

        List<OutboxMessage> claims = allClaimMessages();
        OutboxMessage oldClaimEnds = claimMessages(ownersDevice).get(1);
        OutboxMessage newClaim = claimMessages(claimersDevice).get(0);
        assertThat(oldClaimEnds.isTombstone()).isTrue();
        assertThat(claims.indexOf(oldClaimEnds)).isLessThan(claims.indexOf(newClaim));
    }

    @Test
    void claimerDeletingTheDevice_endsTheClaimWithATombstoneInTheSameTransaction() {
        DeviceKey claimersDevice = GatewayFixture.key(claimer, "Device A");
        claiming.openWindows(List.of(request(ownersDevice, "", null)));
        claiming.claim(claimer.user().id(), deviceA, "");
        int transactionsBefore = fixture.registry.transactions();

        fixture.devices.remove(claimersDevice, VersionCondition.any());

        assertThat(claimMessages(ownersDevice)).extracting(OutboxMessage::isTombstone).containsExactly(false, true);
        OutboxMessage tombstone = claimMessages(ownersDevice).get(1);
        assertThat(tombstone.type()).isEqualTo(DeviceClaimRecord.TYPE);
        assertThat(tombstone.tenant()).isEqualTo(owner.user().id());
        assertThat(tombstone.device()).contains("Device A");
        assertThat(fixture.registry.claimedAway(ownersDevice)).isFalse();
        assertThat(fixture.registry.transactions()).isEqualTo(transactionsBefore + 1);
        assertThat(claimMessages(claimersDevice)).isEmpty();
    }

    @Test
    void claimerDeletingTheDevice_letsTheFormerOwnersAutoProvisioningRegisterItAgain() {
        claiming.openWindows(List.of(request(ownersDevice, "", null)));
        claiming.claim(claimer.user().id(), deviceA, "");
        AutoProvisioning.SeenDevice seen = new AutoProvisioning.SeenDevice(ownersDevice, Optional.empty());
        assertThat(provisioning.provision(List.of(seen))).isEqualTo(new RegistrationCounts(0, 0, 1));

        fixture.devices.remove(GatewayFixture.key(claimer, "Device A"), VersionCondition.any());

        assertThat(provisioning.provision(List.of(seen))).isEqualTo(new RegistrationCounts(1, 0, 0));
        assertThat(fixture.registry.devices()).containsKey(ownersDevice);
    }

    @Test
    void deletingADeviceClaimedOnThroughAChain_releasesOnlyTheDeletersOwnClaim() {
        IssuedUser third = fixture.newUser();
        DeviceKey claimersDevice = GatewayFixture.key(claimer, "Device A");
        claiming.openWindows(List.of(request(ownersDevice, "", null)));
        claiming.claim(claimer.user().id(), deviceA, "");
        claiming.openWindows(List.of(request(claimersDevice, "on", null)));
        claiming.claim(third.user().id(), deviceA, "on");

        fixture.devices.remove(GatewayFixture.key(third, "Device A"), VersionCondition.any());

        assertThat(claimMessages(claimersDevice)).extracting(OutboxMessage::isTombstone).containsExactly(false, true);
        assertThat(claimMessages(ownersDevice)).extracting(OutboxMessage::isTombstone).containsExactly(false);
        assertThat(fixture.registry.claimedAway(claimersDevice)).isFalse();
        assertThat(fixture.registry.claimedAway(ownersDevice)).isTrue();
    }

    @Test
    void deletingADeviceNobodyClaimed_writesNothingOnTheDeviceClaimsTopic() {
        claiming.openWindows(List.of(request(ownersDevice, "", null)));
        claiming.claim(claimer.user().id(), deviceA, "");
        DeviceKey othersDevice = GatewayFixture.key(fixture.newUser(), "Device A");
        fixture.devices.register(othersDevice, DeviceInput.defaults());
        int claimsBefore = allClaimMessages().size();

        fixture.devices.remove(othersDevice, VersionCondition.any());

        assertThat(allClaimMessages()).hasSize(claimsBefore);
        assertThat(fixture.registry.claimedAway(ownersDevice)).isTrue();
    }

    @Test
    void claim_keepsTheDeviceLinkedToTheOldOwnersGatewaySoItsSessionEndDisconnectsIt() {
        subdevices.apply(List.of(new GatewayEvent.SubdeviceConnected(ownersDevice, owner.user().id(),
                DeviceId.of("gw-1"), "gw-1", "c-1", Optional.empty(), fixture.clock.instant())));
        claiming.openWindows(List.of(request(ownersDevice, "", null)));

        Device claimed = claiming.claim(claimer.user().id(), deviceA, "");

        SubdeviceLink carried = new SubdeviceLink(owner.user().id(), DeviceId.of("gw-1"), "gw-1", "c-1", true,
                fixture.clock.instant());
        assertThat(claimed.gateway()).contains(carried);
        subdevices.apply(List.of(new GatewayEvent.SessionEnded(owner.user().id(), "gw-1", "c-1",
                fixture.clock.instant().plusSeconds(1))));
        assertThat(fixture.registry.link(claimed.key())).map(SubdeviceLink::connected).contains(false);
    }

    @Test
    void wrongSecret_isRefusedAndMovesNothing() {
        claiming.openWindows(List.of(request(ownersDevice, "s3cret", null)));

        assertThatThrownBy(() -> claiming.claim(claimer.user().id(), deviceA, "guess"))
                .isInstanceOf(ClaimRefusedException.class);
        assertThat(fixture.registry.devices()).containsKey(ownersDevice);
        assertThat(fixture.registry.window(ownersDevice)).isPresent();
    }

    @Test
    void claimAfterTheWindowClosed_isRefused() {
        claiming.openWindows(List.of(request(ownersDevice, "s3cret", 10_000L)));
        fixture.clock.advance(Duration.ofSeconds(10));

        assertThatThrownBy(() -> claiming.claim(claimer.user().id(), deviceA, "s3cret"))
                .isInstanceOf(ClaimRefusedException.class);
    }

    @Test
    void claimWithoutAnyWindow_isRefusedTheSameWay() {
        fixture.devices.register(ownersDevice, DeviceInput.defaults());

        assertThatThrownBy(() -> claiming.claim(claimer.user().id(), deviceA, ""))
                .isInstanceOf(ClaimRefusedException.class);
    }

    @Test
    void theOwnerClaimingItsOwnDevice_findsNoWindow() {
        claiming.openWindows(List.of(request(ownersDevice, "s3cret", null)));

        assertThatThrownBy(() -> claiming.claim(owner.user().id(), deviceA, "s3cret"))
                .isInstanceOf(ClaimRefusedException.class);
    }

    @Test
    void claimerWithADeviceOfThatId_isAConflictAndTheWindowStaysOpen() {
        claiming.openWindows(List.of(request(ownersDevice, "s3cret", null)));
        fixture.devices.register(GatewayFixture.key(claimer, "Device A"), DeviceInput.defaults());

        assertThatThrownBy(() -> claiming.claim(claimer.user().id(), deviceA, "s3cret"))
                .isInstanceOf(DeviceAlreadyExistsException.class);
        assertThat(fixture.registry.window(ownersDevice)).isPresent();
    }

    @Test
    void windowsOfTwoOwnersMatchingTheSameSecret_areAmbiguous() {
        claiming.openWindows(List.of(request(ownersDevice, "", null),
                request(GatewayFixture.key(fixture.newUser(), "Device A"), "", null)));

        assertThatThrownBy(() -> claiming.claim(claimer.user().id(), deviceA, ""))
                .isInstanceOf(AmbiguousClaimException.class);
    }

    @Test
    void aNewerRequest_replacesTheWindowAndAnOlderReplayDoesNot() {
        claiming.openWindows(List.of(request(ownersDevice, "first", null)));
        fixture.clock.advance(Duration.ofSeconds(5));
        Claiming.ClaimRequest second = request(ownersDevice, "second", null);
        claiming.openWindows(List.of(second));

        claiming.openWindows(List.of(new Claiming.ClaimRequest(ownersDevice, SecretHash.of("first"), Optional.empty(),
                second.at().minusSeconds(5))));

        assertThat(fixture.registry.window(ownersDevice)).map(ClaimWindow::secretHash)
                .contains(SecretHash.of("second"));
    }

    @Test
    void nonPositiveDefaultDuration_isRejected() {
        assertThatThrownBy(() -> new Claiming(fixture.registry, fixture.known, fixture.clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<OutboxMessage> allClaimMessages() {
        return fixture.registry.outbox().stream().filter(m -> m.topic().equals(Topics.DEVICE_CLAIMS)).toList();
    }

    private List<OutboxMessage> claimMessages(DeviceKey formerDevice) {
        return fixture.registry.outbox().stream()
                .filter(m -> m.topic().equals(Topics.DEVICE_CLAIMS) && m.key().equals(formerDevice.asString()))
                .toList();
    }

    private List<OutboxMessage> deviceMessages(DeviceKey device) {
        return fixture.registry.outbox().stream()
                .filter(m -> m.topic().equals(Topics.DEVICES) && m.key().equals(device.asString()))
                .toList();
    }

    private Claiming.ClaimRequest request(DeviceKey device, String secret, Long durationMs) {
        return new Claiming.ClaimRequest(device, SecretHash.of(secret),
                Optional.ofNullable(durationMs).map(Duration::ofMillis), fixture.clock.instant());
    }
}
