package io.thingbus.broker.domain;

import static io.thingbus.broker.domain.TestSubdeviceEvents.connected;
import static io.thingbus.broker.domain.TestSubdeviceEvents.disconnected;
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
    private static final TenantId THIRD = TenantId.of("Uthird0001");
    private static final DeviceId DEVICE_A = DeviceId.of("Device A");
    private static final MqttConnection GATEWAY = gateway(TENANT, "gw-1", "c-1");
    private static final Instant NOW = Instant.parse("2026-11-21T11:00:00Z");

    private final ClaimedDevices claims = new ClaimedDevices();
    private final GatewaySubdevices subdevices = new GatewaySubdevices(claims);

    @Test
    void connectedSubdevice_routesToItsGateway_untilItDisconnects() {
        subdevices.apply(connected(GATEWAY, DEVICE_A));
        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).containsExactly("gw-1");

        subdevices.apply(disconnected(GATEWAY, DEVICE_A));
        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).isEmpty();
        assertThat(subdevices.size()).isZero();
    }

    @Test
    void sameDeviceNameOfAnotherTenant_isAnotherDevice() {
        subdevices.apply(connected(GATEWAY, DEVICE_A));

        assertThat(subdevices.gatewaysOf(OTHER_TENANT, DEVICE_A)).isEmpty();
    }

    @Test
    void endOfTheGatewaysConnection_disconnectsAllItsSubdevices_butNotThoseOfANewerConnection() {
        MqttConnection newer = gateway(TENANT, "gw-1", "c-2");
        subdevices.apply(connected(GATEWAY, DEVICE_A));
        subdevices.apply(connected(GATEWAY, DeviceId.of("Device B")));
        subdevices.apply(connected(newer, DeviceId.of("Device C")));

        subdevices.connectionEnded(GATEWAY);

        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).isEmpty();
        assertThat(subdevices.gatewaysOf(TENANT, DeviceId.of("Device B"))).isEmpty();
        assertThat(subdevices.gatewaysOf(TENANT, DeviceId.of("Device C"))).containsExactly("gw-1");
    }

    @Test
    void aDeviceTwoGatewaysConnected_routesToBoth() {
        subdevices.apply(connected(GATEWAY, DEVICE_A));
        subdevices.apply(connected(gateway(TENANT, "gw-2", "c-9"), DEVICE_A));

        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).containsExactlyInAnyOrder("gw-1", "gw-2");
    }

    @Test
    void disconnectOfADeviceNeverConnected_changesNothing() {
        subdevices.apply(connected(GATEWAY, DEVICE_A));

        subdevices.apply(disconnected(GATEWAY, DeviceId.of("Device Z")));
        subdevices.apply(disconnected(gateway(TENANT, "gw-2", "c-9"), DEVICE_A));

        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).containsExactly("gw-1");
    }

    @Test
    void aDeviceClaimedAway_routesTheClaimersUpdatesToTheGatewayThatCarriesIt_evenIfConnectedBeforeTheClaim() {
        subdevices.apply(connected(GATEWAY, DEVICE_A));

        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);

        assertThat(subdevices.gatewaysOf(OTHER_TENANT, DEVICE_A)).containsExactly("gw-1");
        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).as("the former owner's updates").isEmpty();
    }

    @Test
    void aDeviceGivenOn_routesOnlyTheCurrentOwnersUpdates_toTheGatewaysOfEveryUserItPassedThrough() {
        subdevices.apply(connected(GATEWAY, DEVICE_A));
        subdevices.apply(connected(gateway(OTHER_TENANT, "gw-b", "c-b"), DEVICE_A));
        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);
        claims.claimed(DeviceKey.of(OTHER_TENANT, DEVICE_A), THIRD);

        assertThat(subdevices.gatewaysOf(THIRD, DEVICE_A)).containsExactlyInAnyOrder("gw-1", "gw-b");
        assertThat(subdevices.gatewaysOf(OTHER_TENANT, DEVICE_A)).isEmpty();
        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).isEmpty();
    }

    @Test
    void aClaimUndone_routesTheDeviceBackToItsGatewaysUser() {
        subdevices.apply(connected(GATEWAY, DEVICE_A));
        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);

        claims.reclaimed(DeviceKey.of(TENANT, DEVICE_A));

        assertThat(subdevices.gatewaysOf(TENANT, DEVICE_A)).containsExactly("gw-1");
        assertThat(subdevices.gatewaysOf(OTHER_TENANT, DEVICE_A)).isEmpty();
    }

    @Test
    void aClaim_reannouncesTheConnectedDevice_disconnectedFromItsFormerOwner_thenConnectedToTheClaimer_asTheGatewaySaidIt() {
        SubdeviceEventRecord announced = connected(GATEWAY, DEVICE_A, "thermostat", null);
        subdevices.apply(announced);

        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);

        assertThat(subdevices.reannouncements(DEVICE_A, NOW)).containsExactly(
                again(announced, SubdeviceEventRecord.DISCONNECTED, null),
                again(announced, SubdeviceEventRecord.CONNECTED, OTHER_TENANT));
    }

    @Test
    void aReannouncement_keepsTheGatewaysSession_andNamesTheOwnerInDeviceTenantOnly() {
        subdevices.apply(connected(GATEWAY, DEVICE_A, "thermostat", null));
        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);

        SubdeviceEventRecord connected = subdevices.reannouncements(DEVICE_A, NOW).get(1);

        assertThat(connected.key()).isEqualTo(TENANT.value() + "/gw-1");
        assertThat(connected.connectionId()).isEqualTo("c-1");
        assertThat(connected.tokenHash()).isEqualTo(GATEWAY.identity().token().hash());
        assertThat(connected.deviceType()).isEqualTo("thermostat");
        assertThat(connected.deviceKey()).isEqualTo(DeviceKey.of(OTHER_TENANT, DEVICE_A));
        assertThat(connected.at()).isEqualTo(NOW);
    }

    @Test
    void aTombstone_reannouncesTheDeviceBackToTheGatewaysUser() {
        SubdeviceEventRecord announced = connected(GATEWAY, DEVICE_A, "thermostat", null);
        subdevices.apply(announced);
        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);
        subdevices.reannouncements(DEVICE_A, NOW);

        claims.reclaimed(DeviceKey.of(TENANT, DEVICE_A));

        assertThat(subdevices.reannouncements(DEVICE_A, NOW)).containsExactly(
                again(announced, SubdeviceEventRecord.DISCONNECTED, OTHER_TENANT),
                again(announced, SubdeviceEventRecord.CONNECTED, null));
    }

    @Test
    void aClaimFurtherDownTheChain_reannouncesTheDeviceToTheGatewaysOfEveryUserOnTheWay() {
        MqttConnection othersGateway = gateway(OTHER_TENANT, "gw-b", "c-b");
        SubdeviceEventRecord mine = connected(GATEWAY, DEVICE_A);
        SubdeviceEventRecord others = connected(othersGateway, DEVICE_A);
        subdevices.apply(mine);
        subdevices.apply(others);
        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);
        assertThat(subdevices.reannouncements(DEVICE_A, NOW)).as("only the gateway of the user it was claimed from")
                .extracting(SubdeviceEventRecord::connectionId).containsExactly("c-1", "c-1");

        claims.claimed(DeviceKey.of(OTHER_TENANT, DEVICE_A), THIRD);

        assertThat(subdevices.reannouncements(DEVICE_A, NOW)).containsExactlyInAnyOrder(
                again(mine, SubdeviceEventRecord.DISCONNECTED, OTHER_TENANT),
                again(mine, SubdeviceEventRecord.CONNECTED, THIRD),
                again(others, SubdeviceEventRecord.DISCONNECTED, null),
                again(others, SubdeviceEventRecord.CONNECTED, THIRD));
    }

    @Test
    void nothingIsReannounced_forADeviceNoConnectionHereHasConnected() {
        subdevices.apply(connected(GATEWAY, DeviceId.of("Device B")));
        subdevices.apply(connected(GATEWAY, DEVICE_A));
        subdevices.apply(disconnected(GATEWAY, DEVICE_A));
        subdevices.apply(connected(gateway(TENANT, "gw-2", "c-2"), DEVICE_A));
        subdevices.connectionEnded(gateway(TENANT, "gw-2", "c-2"));

        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);

        assertThat(subdevices.reannouncements(DEVICE_A, NOW)).isEmpty();
    }

    @Test
    void nothingIsReannounced_whenTheOwnerDidNotChange() {
        subdevices.apply(connected(GATEWAY, DEVICE_A));
        assertThat(subdevices.reannouncements(DEVICE_A, NOW)).as("no claim").isEmpty();

        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);
        subdevices.apply(connected(GATEWAY, DEVICE_A, null, OTHER_TENANT));

        assertThat(subdevices.reannouncements(DEVICE_A, NOW)).as("the gateway announced the claimer itself").isEmpty();
    }

    @Test
    void aDeviceReannounced_isNotReannouncedAgain_untilItsOwnerChangesOnceMore() {
        subdevices.apply(connected(GATEWAY, DEVICE_A));
        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);

        assertThat(subdevices.reannouncements(DEVICE_A, NOW)).hasSize(2);
        assertThat(subdevices.reannouncements(DEVICE_A, NOW)).isEmpty();
    }

    @Test
    void aReannouncedDevice_stillRoutesToItsGateway_andDisconnectsAsBefore() {
        subdevices.apply(connected(GATEWAY, DEVICE_A));
        claims.claimed(DeviceKey.of(TENANT, DEVICE_A), OTHER_TENANT);
        subdevices.reannouncements(DEVICE_A, NOW);

        assertThat(subdevices.gatewaysOf(OTHER_TENANT, DEVICE_A)).containsExactly("gw-1");
        subdevices.apply(disconnected(GATEWAY, DEVICE_A));
        assertThat(subdevices.gatewaysOf(OTHER_TENANT, DEVICE_A)).isEmpty();
        assertThat(subdevices.size()).isZero();
    }

    private static SubdeviceEventRecord again(SubdeviceEventRecord announced, String event, TenantId owner) {
        return new SubdeviceEventRecord(event, announced.tenant(), announced.deviceId(), announced.deviceType(),
                announced.gatewayId(), announced.clientId(), announced.connectionId(), announced.broker(),
                announced.tokenHash(), NOW, owner);
    }

    private static MqttConnection gateway(TenantId tenant, String clientId, String connectionId) {
        return new MqttConnection(new ConnectionIdentity(tenant, DeviceToken.of("Token1")), clientId, connectionId);
    }
}
