package io.thingbus.event.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryRoutesTest {

    private static final TenantId TENANT = TenantId.of("Uowner1");
    private static final DeviceId DEVICE = DeviceId.of("dev-1");

    @Test
    void aDeviceWhoseNamedChannelExists_writesToIt() {
        TelemetryRoutes routes = new TelemetryRoutes(Map.of(DeviceKey.of(TENANT, DEVICE), ChannelId.of("kitchen")));

        assertThat(routes.channelOf(TENANT, DEVICE)).isEqualTo(ChannelId.of("kitchen"));
    }

    @Test
    void aDeviceWithoutAnExistingNamedChannel_writesToItsDefaultChannel() {
        TelemetryRoutes routes = new TelemetryRoutes(Map.of(DeviceKey.of(TENANT, DEVICE), ChannelId.of("kitchen")));

        assertThat(routes.channelOf(TENANT, DeviceId.of("dev-2")))
                .isEqualTo(ChannelId.defaultFor(TENANT, DeviceId.of("dev-2")));
    }

    @Test
    void aDeviceOfTheSameNameInAnotherTenant_isNotRoutedByTheFirstTenantsRegistry() {
        TelemetryRoutes routes = new TelemetryRoutes(Map.of(DeviceKey.of(TENANT, DEVICE), ChannelId.of("kitchen")));
        TenantId other = TenantId.of("Uother1");

        assertThat(routes.channelOf(other, DEVICE)).isEqualTo(ChannelId.defaultFor(other, DEVICE));
    }
}
