package io.thingbus.stream.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelServiceTest {

    private static final TenantId TENANT = TenantId.of("U1a2b3c4d");
    private static final TenantId STRANGER = TenantId.of("U9z8y7x6w");
    private static final DeviceId DEVICE = DeviceId.of("dev-1");
    private static final ChannelId CHANNEL = ChannelId.of("kitchen");

    private final InMemoryChannelCatalog catalog = new InMemoryChannelCatalog();
    private final KnownDevices devices = new KnownDevices(Set.of(TENANT + "/" + DEVICE, TENANT + "/dev-2"));
    private final ChannelService service = new ChannelService(catalog, devices,
            Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void create_forADeviceOfTheTenant_storesTheChannel() {
        Channel created = service.create(TENANT, CHANNEL, DEVICE, Optional.of(new ChannelName("Kitchen")),
                Optional.empty());

        assertThat(catalog.find(TENANT, CHANNEL)).contains(created);
        assertThat(created.name().value()).isEqualTo("Kitchen");
    }

    @Test
    void create_forADeviceTheTenantDoesNotHave_isRefused_andStoresNothing() {
        assertThatThrownBy(() -> service.create(STRANGER, CHANNEL, DEVICE, Optional.empty(), Optional.empty()))
                .isInstanceOf(DeviceNotFoundException.class);

        assertThat(catalog.list(STRANGER)).isEmpty();
    }

    @Test
    void update_toADeviceTheTenantDoesNotHave_isRefused_andChangesNothing() {
        Channel created = service.create(TENANT, CHANNEL, DEVICE, Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> service.update(TENANT, CHANNEL, new ChannelChange(Optional.empty(),
                Optional.of(DeviceId.of("dev-9")), Optional.empty()), VersionCondition.any()))
                .isInstanceOf(DeviceNotFoundException.class);

        assertThat(catalog.find(TENANT, CHANNEL)).contains(created);
    }

    @Test
    void update_toAnotherDeviceOfTheTenant_movesTheChannel() {
        service.create(TENANT, CHANNEL, DEVICE, Optional.empty(), Optional.empty());

        Channel moved = service.update(TENANT, CHANNEL, new ChannelChange(Optional.empty(),
                Optional.of(DeviceId.of("dev-2")), Optional.empty()), VersionCondition.oneOf(Set.of(1L)));

        assertThat(moved.device()).isEqualTo(DeviceId.of("dev-2"));
        assertThat(moved.version()).isEqualTo(2);
    }

    @Test
    void get_ofAnotherTenantsChannel_isNotFound() {
        service.create(TENANT, CHANNEL, DEVICE, Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> service.get(STRANGER, CHANNEL)).isInstanceOf(ChannelNotFoundException.class);
        assertThat(service.list(STRANGER)).isEmpty();
        assertThat(service.list(TENANT)).extracting(Channel::id).isEqualTo(List.of(CHANNEL));
    }

    /** Devices known as "tenant/device". */
    private record KnownDevices(Set<String> keys) implements DeviceDirectory {

        @Override
        public boolean contains(TenantId tenant, DeviceId device) {
            return keys.contains(tenant + "/" + device);
        }

        @Override
        public void apply(List<DeviceChange> changes) {
            throw new UnsupportedOperationException();
        }
    }
}
