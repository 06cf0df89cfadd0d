package io.thingbus.device.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceChannelsTest {

    private static final ChannelId KITCHEN = ChannelId.of("kitchen");
    private static final ChannelId GARAGE = ChannelId.of("garage");

    private final GatewayFixture fixture = new GatewayFixture();
    private final DeviceChannels channels = new DeviceChannels(fixture.registry, fixture.clock);
    private final IssuedUser user = fixture.newUser();
    private final TenantId tenant = user.user().id();
    private final DeviceKey device = GatewayFixture.key(user, "dev-1");

    @Test
    void announcedChannels_areShownAfterTheDefaultChannel_inIdOrder() {
        fixture.devices.register(device, DeviceInput.defaults());

        channels.apply(List.of(announced(tenant, KITCHEN, "dev-1"), announced(tenant, GARAGE, "dev-1"),
                announced(tenant, ChannelId.of("attic"), "dev-2")));

        Device shown = fixture.devices.device(device);
        assertThat(shown.channels()).containsExactly(shown.defaultChannel(), GARAGE, KITCHEN);
        assertThat(shown.channel()).isEqualTo(shown.defaultChannel());
    }

    @Test
    void theAnnouncedDefaultChannel_isShownOnce() {
        fixture.devices.register(device, DeviceInput.defaults());
        ChannelId defaultChannel = ChannelId.defaultFor(tenant, device.device());

        channels.apply(List.of(announced(tenant, defaultChannel, "dev-1")));

        assertThat(fixture.devices.device(device).channels()).containsExactly(defaultChannel);
    }

    @Test
    void aChannelMovedToAnotherDevice_leavesTheFirstDevicesChannels() {
        fixture.devices.register(device, DeviceInput.defaults());
        channels.apply(List.of(announced(tenant, KITCHEN, "dev-1")));

        channels.apply(List.of(announced(tenant, KITCHEN, "dev-2")));

        assertThat(fixture.devices.device(device).channels()).doesNotContain(KITCHEN);
    }

    @Test
    void anotherTenantsChannel_isNotShown() {
        fixture.devices.register(device, DeviceInput.defaults());
        TenantId other = fixture.newUser().user().id();

        channels.apply(List.of(announced(other, KITCHEN, "dev-1")));

        assertThat(fixture.devices.device(device).channels()).doesNotContain(KITCHEN);
    }

    @Test
    void deletingTheChosenChannel_sendsTheDeviceBackToItsDefaultChannel_asANewPublishedVersion() {
        channels.apply(List.of(announced(tenant, KITCHEN, "dev-1")));
        fixture.devices.register(device, withChannel(FieldUpdate.set(KITCHEN)));
        fixture.clock.advance(Duration.ofSeconds(3));

        DeviceChannels.Outcome outcome = channels.apply(List.of(new ChannelChange.Deleted(tenant, KITCHEN)));

        Device moved = fixture.devices.device(device);
        assertThat(outcome).isEqualTo(new DeviceChannels.Outcome(0, 1, 1));
        assertThat(moved.channel()).isEqualTo(moved.defaultChannel());
        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved.updatedAt()).isEqualTo(fixture.clock.instant());
        OutboxMessage published = lastMessage();
        assertThat(published.topic()).isEqualTo(Topics.DEVICES);
        assertThat(DeviceRecord.CODEC.decode(published.value()).channelId()).isEqualTo(moved.defaultChannel());
        assertThat(fixture.registry.hasChannel(tenant, KITCHEN)).isFalse();
    }

    @Test
    void aReplayedTombstone_changesNothing() {
        channels.apply(List.of(announced(tenant, KITCHEN, "dev-1")));
        fixture.devices.register(device, withChannel(FieldUpdate.set(KITCHEN)));
        channels.apply(List.of(new ChannelChange.Deleted(tenant, KITCHEN)));
        int published = fixture.registry.outbox().size();

        DeviceChannels.Outcome outcome = channels.apply(List.of(new ChannelChange.Deleted(tenant, KITCHEN)));

        assertThat(outcome).isEqualTo(DeviceChannels.Outcome.NONE);
        assertThat(fixture.registry.outbox()).hasSize(published);
        assertThat(fixture.devices.device(device).version()).isEqualTo(2);
    }

    @Test
    void deletingAnotherTenantsChannelOfTheSameId_leavesTheDeviceWhereItIs() {
        TenantId other = fixture.newUser().user().id();
        channels.apply(List.of(announced(tenant, KITCHEN, "dev-1"), announced(other, KITCHEN, "dev-1")));
        fixture.devices.register(device, withChannel(FieldUpdate.set(KITCHEN)));

        channels.apply(List.of(new ChannelChange.Deleted(other, KITCHEN)));

        assertThat(fixture.devices.device(device).channel()).isEqualTo(KITCHEN);
    }

    @Test
    void aChannelDeletedAndCreatedAgainInOneBatch_stillSendsTheDeviceBackToItsDefaultChannel() {
        channels.apply(List.of(announced(tenant, KITCHEN, "dev-1")));
        fixture.devices.register(device, withChannel(FieldUpdate.set(KITCHEN)));

        channels.apply(List.of(new ChannelChange.Deleted(tenant, KITCHEN), announced(tenant, KITCHEN, "dev-1")));

        Device shown = fixture.devices.device(device);
        assertThat(shown.channel()).isEqualTo(shown.defaultChannel());
        assertThat(shown.channels()).contains(KITCHEN);
    }

    @Test
    void noChanges_needNoTransaction() {
        int before = fixture.registry.transactions();

        assertThat(channels.apply(List.of())).isEqualTo(DeviceChannels.Outcome.NONE);
        assertThat(fixture.registry.transactions()).isEqualTo(before);
    }

    private static ChannelChange announced(TenantId tenant, ChannelId channel, String device) {
        return new ChannelChange.Announced(tenant, channel, DeviceId.of(device));
    }

    private static DeviceInput withChannel(FieldUpdate<ChannelId> channel) {
        return new DeviceInput(Optional.empty(), Optional.empty(), channel);
    }

    private OutboxMessage lastMessage() {
        List<OutboxMessage> outbox = fixture.registry.outbox();
        return outbox.get(outbox.size() - 1);
    }
}
