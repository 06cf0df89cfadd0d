package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatewaySubdevicesTest {

    private static final TenantId TENANT = TenantId.of("Uab12cd34ef");
    private static final TenantId OTHER_TENANT = TenantId.of("Uother0001");
    private static final DeviceId DEVICE_A = DeviceId.of("Device A");
    private static final MqttConnection GATEWAY = gateway(TENANT, "gw-1", "c-1");

    private final ClaimedDevices claims = new ClaimedDevices();
    private final GatewaySubdevices subdevices = new GatewaySubdevices(claims);

    @Test
    void connectedSubdevice_routesToItsGateway_untilItDisconnects() {
        subdevices.apply(GATEWAY, event(SubdeviceEventRecord.CONNECTED, DEVICE_A));
        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).containsExactly("gw-1");

        subdevices.apply(GATEWAY, event(SubdeviceEventRecord.DISCONNECTED, DEVICE_A));
        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).isEmpty();
        assertThat(subdevices.size()).isZero();
    }

    @Test
    void sameDeviceNameOfAnotherTenant_isAnotherDevice() {
        subdevices.connected(GATEWAY, DEVICE_A);

        assertThat(subdevices.gatewaysOf(OTHER_TENANT, DEVICE_A)).isEmpty();
    }

    @Test
    void endOfTheGatewaysConnection_disconnectsAllItsSubdevices_butNotThoseOfANewerConnection() {
        MqttConnection newer = gateway(TENANT, "gw-1", "c-2");
        subdevices.connected(GATEWAY, DEVICE_A);
        subdevices.connected(GATEWAY, DeviceId.of("Device B"));
        subdevices.connected(newer, DeviceId.of("Device C"));

        subdevices.connectionEnded(GATEWAY);

        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).isEmpty();
        assertThat(subdevices.gatewaysOf(TENANT, DeviceId.of("Device B"))).isEmpty();
        assertThat(subdevices.gatewaysOf(TENANT, DeviceId.of("Device C"))).containsExactly("gw-1");
    }

    @Test
    void aDeviceTwoGatewaysConnected_routesToBoth() {
        subdevices.connected(GATEWAY, DEVICE_A);
        subdevices.connected(gateway(TENANT, "gw-2", "c-9"), DEVICE_A);

        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).containsExactlyInAnyOrder("gw-1", "gw-2");
    }

    @Test
    void disconnectOfADeviceNeverConnected_changesNothing() {
        subdevices.connected(GATEWAY, DEVICE_A);

        subdevices.disconnected(GATEWAY, DeviceId.of("Device Z"));
        subdevices.disconnected(gateway(TENANT, "gw-2", "c-9"), DEVICE_A);

        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).containsExactly("gw-1");
    }

    @Test
    void aDeviceClaimedAway_routesTheClaimersUpdatesToTheGatewayThatCarriesIt_evenIfConnectedBeforeTheClaim() {
        subdevices.connected(GATEWAY, DEVICE_A);

        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);

        assertThat(subdevices.gatewaysOf(OTHER_TENANT, DEVICE_A)).containsExactly("gw-1");
        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).as("the former owner's updates").isEmpty();
    }

    @Test
    void aDeviceGivenOn_routesOnlyTheCurrentOwnersUpdates_toTheGatewaysOfEveryUserItPassedThrough() {
        TenantId third = TenantId.of("Uthird0001");
        subdevices.connected(GATEWAY, DEVICE_A);
        subdevices.connected(gateway(OTHER_TENANT, "gw-b", "c-b"), DEVICE_A);
        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);
        claims.claimed(DeviceKey.of(OTHER_TENANT, DEVICE_A), third);

        assertThat(subdevices.gatewaysOf(third, DEVICE_A)).containsExactlyInAnyOrder("gw-1", "gw-b");
        assertThat(subdevices.gatewaysOf(OTHER_TENANT, DEVICE_A)).isEmpty();
        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).isEmpty();
    }

    @Test
    void aClaimUndone_routesTheDeviceBackToItsGatewaysUser() {
        subdevices.connected(GATEWAY, DEVICE_A);
        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);

        claims.reclaimed(DeviceKey.of(TENANT, DEVICE_A));

        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).containsExactly("gw-1");
        assertThat(subdevices.gatewaysOf(OTHER_TENANT, DEVICE_A)).isEmpty();
    }

    private static MqttConnection gateway(TenantId tenant, String clientId, String connectionId) {
        return new MqttConnection(new ConnectionIdentity(tenant, DeviceToken.of("Token1")), clientId, connectionId);
    }

    private static SubdeviceEventRecord event(String event, DeviceId device) {
        return new SubdeviceEventRecord(event, TENANT, device, null, DeviceId.of("gw-1"), "gw-1", "c-1", "edge-1",
                null, Instant.EPOCH);
    }
}
