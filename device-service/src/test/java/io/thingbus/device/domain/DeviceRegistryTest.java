package io.thingbus.device.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.Topics;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceRegistryTest {

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final KnownDevices known = new KnownDevices(100, Duration.ofMinutes(1), clock);
    private final UserAccounts accounts =
            new UserAccounts(registry, new SecretGenerator(new SecureRandom()), clock, Plan.of("basic"));
    private final DeviceRegistry devices = new DeviceRegistry(registry, known, clock);
    private final IssuedUser user =
            accounts.createUser(new NewUser(Optional.empty(), Optional.empty(), Optional.empty()));
    private final DeviceKey key = DeviceKey.of(user.user().id(), DeviceId.of("Device A"));

    @Test
    void register_withoutInput_namesTheDeviceByItsIdAndGivesItTheFirstToken() {
        Device device = devices.register(key, DeviceInput.defaults());

        assertThat(device.name().value()).isEqualTo("Device A");
        assertThat(device.token()).contains(user.deviceToken());
        assertThat(device.provisioning()).isEqualTo(Provisioning.API);
        assertThat(device.version()).isEqualTo(1);
        assertThat(known.contains(key)).isTrue();
    }

    @Test
    void register_ofADeviceNeverClaimedAway_announcesNothingOnTheDeviceClaimsTopic() {
        devices.register(key, DeviceInput.defaults());

        assertThat(registry.outbox()).extracting(OutboxMessage::topic).doesNotContain(Topics.DEVICE_CLAIMS);
    }

    @Test
    void register_twice_isAConflict() {
        devices.register(key, DeviceInput.defaults());

        assertThatThrownBy(() -> devices.register(key, DeviceInput.defaults()))
                .isInstanceOf(DeviceAlreadyExistsException.class);
    }

    @Test
    void register_withAnotherUsersToken_isRefused() {
        IssuedUser other = accounts.createUser(new NewUser(Optional.empty(), Optional.empty(), Optional.empty()));

        assertThatThrownBy(() -> devices.register(key,
                new DeviceInput(Optional.empty(), Optional.of(other.deviceToken()))))
                .isInstanceOf(ForeignDeviceTokenException.class);
        assertThat(registry.devices()).doesNotContainKey(key);
    }

    @Test
    void register_whenTheUserHasNoTokenLeft_saysSo() {
        accounts.revokeDeviceToken(user.user().id(), user.deviceToken());

        assertThatThrownBy(() -> devices.register(key, DeviceInput.defaults()))
                .isInstanceOf(NoDeviceTokenException.class);
    }

    @Test
    void change_withCurrentVersion_renamesAndCountsUp() {
        devices.register(key, DeviceInput.defaults());
        clock.advance(Duration.ofSeconds(5));

        Device changed = devices.change(key, new DeviceInput(Optional.of(DeviceName.of("Kitchen")), Optional.empty()),
                VersionCondition.oneOf(Set.of(1L)));

        assertThat(changed.name().value()).isEqualTo("Kitchen");
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.updatedAt()).isEqualTo(changed.createdAt().plusSeconds(5));
        assertThat(changed.token()).contains(user.deviceToken());
    }

    @Test
    void change_withStaleVersion_isRefusedAndChangesNothing() {
        devices.register(key, DeviceInput.defaults());
        devices.change(key, new DeviceInput(Optional.of(DeviceName.of("First")), Optional.empty()),
                VersionCondition.any());

        assertThatThrownBy(() -> devices.change(key,
                new DeviceInput(Optional.of(DeviceName.of("Second")), Optional.empty()),
                VersionCondition.oneOf(Set.of(1L))))
                .isInstanceOf(VersionMismatchException.class);
        assertThat(devices.device(key).name().value()).isEqualTo("First");
    }

    @Test
    void remove_forgetsTheDeviceSoItsNextTelemetryProvisionsItAgain() {
        devices.register(key, DeviceInput.defaults());

        devices.remove(key, VersionCondition.any());

        assertThat(known.contains(key)).isFalse();
        assertThatThrownBy(() -> devices.device(key)).isInstanceOf(UnknownDeviceException.class);
        assertThat(registry.outbox().get(registry.outbox().size() - 1).isTombstone()).isTrue();
    }

    @Test
    void register_withOneOfTheTenantsChannels_sendsItsTelemetryThereAndSaysSoOnKafka() {
        announce(user.user().id(), "kitchen", "other-device");

        Device device = devices.register(key, channel(FieldUpdate.set(ChannelId.of("kitchen"))));

        assertThat(device.channel()).isEqualTo(ChannelId.of("kitchen"));
        assertThat(device.channels()).containsExactly(device.defaultChannel());
        assertThat(lastPublished().channelId()).isEqualTo(ChannelId.of("kitchen"));
    }

    @Test
    void register_withAnotherTenantsChannel_isRefusedAndStoresNothing() {
        IssuedUser other = accounts.createUser(new NewUser(Optional.empty(), Optional.empty(), Optional.empty()));
        announce(other.user().id(), "kitchen", "Device A");

        assertThatThrownBy(() -> devices.register(key, channel(FieldUpdate.set(ChannelId.of("kitchen")))))
                .isInstanceOf(UnknownChannelException.class);
        assertThat(registry.devices()).doesNotContainKey(key);
    }

    @Test
    void register_showsTheChannelsAlreadyAssociatedWithTheDeviceId() {
        announce(user.user().id(), "kitchen", "Device A");

        Device device = devices.register(key, DeviceInput.defaults());

        assertThat(device.channels()).containsExactly(device.defaultChannel(), ChannelId.of("kitchen"));
    }

    @Test
    void change_toAChannelAndBackWithClear_movesTheTelemetryBackToTheDefaultChannel() {
        announce(user.user().id(), "kitchen", "Device A");
        devices.register(key, DeviceInput.defaults());
        devices.change(key, channel(FieldUpdate.set(ChannelId.of("kitchen"))), VersionCondition.any());

        Device changed = devices.change(key, channel(FieldUpdate.clear()), VersionCondition.any());

        assertThat(changed.chosenChannel()).isEmpty();
        assertThat(changed.channel()).isEqualTo(changed.defaultChannel());
        assertThat(changed.version()).isEqualTo(3);
        assertThat(lastPublished().channelId()).isEqualTo(changed.defaultChannel());
    }

    @Test
    void change_withoutAChannel_keepsTheChosenOne() {
        announce(user.user().id(), "kitchen", "Device A");
        devices.register(key, channel(FieldUpdate.set(ChannelId.of("kitchen"))));

        Device renamed = devices.change(key, new DeviceInput(Optional.of(DeviceName.of("Kitchen")), Optional.empty()),
                VersionCondition.any());

        assertThat(renamed.channel()).isEqualTo(ChannelId.of("kitchen"));
    }

    @Test
    void change_toTheDevicesOwnDefaultChannel_needsNoAnnouncedChannel() {
        devices.register(key, DeviceInput.defaults());
        ChannelId defaultChannel = ChannelId.defaultFor(key.tenant(), key.device());

        Device changed = devices.change(key, channel(FieldUpdate.set(defaultChannel)), VersionCondition.any());

        assertThat(changed.chosenChannel()).isEmpty();
        assertThat(changed.channel()).isEqualTo(defaultChannel);
    }

    @Test
    void change_toAnUnknownChannel_isRefusedAndChangesNothing() {
        devices.register(key, DeviceInput.defaults());

        assertThatThrownBy(() -> devices.change(key, channel(FieldUpdate.set(ChannelId.of("nowhere"))),
                VersionCondition.any()))
                .isInstanceOf(UnknownChannelException.class);
        assertThat(devices.device(key).version()).isEqualTo(1);
    }

    private void announce(io.thingbus.contracts.TenantId tenant, String channel, String device) {
        new DeviceChannels(registry, clock).apply(List.of(
                new ChannelChange.Announced(tenant, ChannelId.of(channel), DeviceId.of(device))));
    }

    private static DeviceInput channel(FieldUpdate<ChannelId> channel) {
        return new DeviceInput(Optional.empty(), Optional.empty(), channel);
    }

    private DeviceRecord lastPublished() {
        List<OutboxMessage> outbox = registry.outbox();
        return DeviceRecord.CODEC.decode(outbox.get(outbox.size() - 1).value());
    }
}
