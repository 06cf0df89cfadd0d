package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import org.junit.jupiter.api.Test;

class ClaimedDevicesTest {

    private static final TenantId A = TenantId.of("Ua00000001");
    private static final TenantId B = TenantId.of("Ub00000001");
    private static final TenantId C = TenantId.of("Uc00000001");
    private static final DeviceId DEVICE = DeviceId.of("Device A");

    private final ClaimedDevices claims = new ClaimedDevices();

    @Test
    void unknownDevice_belongsToTheGatewaysUser() {
        assertThat(claims.ownerOf(A, DEVICE)).isEqualTo(A);
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(A, DEVICE))).containsExactly(A);
        assertThat(claims.size()).isZero();
    }

    @Test
    void claimedDevice_belongsToTheClaimer_forTheFormerOwnersGatewayOnly() {
        claims.claimed(DeviceKey.of(A, DEVICE), B);

        assertThat(claims.ownerOf(A, DEVICE)).isEqualTo(B);
        assertThat(claims.ownerOf(B, DEVICE)).isEqualTo(B);
        assertThat(claims.ownerOf(C, DEVICE)).isEqualTo(C);
        assertThat(claims.ownerOf(A, DeviceId.of("Device B"))).isEqualTo(A);
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(B, DEVICE))).containsExactlyInAnyOrder(A, B);
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(A, DEVICE))).isEmpty();
        assertThat(claims.size()).isEqualTo(1);
    }

    @Test
    void chain_isFollowedToTheCurrentOwner() {
        claims.claimed(DeviceKey.of(A, DEVICE), B);
        claims.claimed(DeviceKey.of(B, DEVICE), C);

        assertThat(claims.ownerOf(A, DEVICE)).isEqualTo(C);
        assertThat(claims.ownerOf(B, DEVICE)).isEqualTo(C);
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(C, DEVICE))).containsExactlyInAnyOrder(A, B, C);
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(B, DEVICE))).isEmpty();
    }

    @Test
    void tombstone_givesTheDeviceBackToTheFormerOwner_andCutsTheChainThere() {
        claims.claimed(DeviceKey.of(A, DEVICE), B);
        claims.claimed(DeviceKey.of(B, DEVICE), C);

        claims.reclaimed(DeviceKey.of(B, DEVICE));

        assertThat(claims.ownerOf(A, DEVICE)).isEqualTo(B);
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(C, DEVICE))).containsExactly(C);

        claims.reclaimed(DeviceKey.of(A, DEVICE));

        assertThat(claims.ownerOf(A, DEVICE)).isEqualTo(A);
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(B, DEVICE))).containsExactly(B);
        assertThat(claims.size()).isZero();
    }

    @Test
    void laterClaimOfTheSameKey_replacesTheClaimer() {
        claims.claimed(DeviceKey.of(A, DEVICE), B);
        claims.claimed(DeviceKey.of(A, DEVICE), C);

        assertThat(claims.ownerOf(A, DEVICE)).isEqualTo(C);
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(B, DEVICE))).containsExactly(B);
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(C, DEVICE))).containsExactlyInAnyOrder(A, C);
    }

    @Test
    void tombstoneOfAnUnclaimedDevice_changesNothing() {
        claims.claimed(DeviceKey.of(A, DEVICE), B);

        claims.reclaimed(DeviceKey.of(C, DEVICE));

        assertThat(claims.ownerOf(A, DEVICE)).isEqualTo(B);
    }

    @Test
    void cycle_endsAfterTheHopLimit_atTheUserTheWalkReached() {
        claims.claimed(DeviceKey.of(A, DEVICE), B);
        claims.claimed(DeviceKey.of(B, DEVICE), A);

        assertThat(claims.ownerOf(A, DEVICE)).as("8 hops from A: back at A").isEqualTo(A);
        assertThat(claims.ownerOf(B, DEVICE)).isEqualTo(B);
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(A, DEVICE))).containsExactly(A);
    }

    @Test
    void chainLongerThanTheHopLimit_stopsAtTheLimit() {
        TenantId[] users = new TenantId[ClaimedDevices.MAX_HOPS + 2];
        for (int i = 0; i < users.length; i++) {
            users[i] = TenantId.of("Uchain000" + i);
        }
        for (int i = 0; i + 1 < users.length; i++) {
            claims.claimed(DeviceKey.of(users[i], DEVICE), users[i + 1]);
        }

        assertThat(claims.ownerOf(users[0], DEVICE)).isEqualTo(users[ClaimedDevices.MAX_HOPS]);
        assertThat(claims.ownerOf(users[1], DEVICE)).isEqualTo(users[ClaimedDevices.MAX_HOPS + 1]);
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(users[ClaimedDevices.MAX_HOPS + 1], DEVICE)))
                .doesNotContain(users[0]).contains(users[1]);
    }

    @Test
    void aUserCannotClaimFromItself() {
        assertThatThrownBy(() -> claims.claimed(DeviceKey.of(A, DEVICE), A))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startsNotCurrent_untilTheListenerHasReadTheTopic() {
        assertThat(claims.isCurrent()).isFalse();

        claims.markCurrent();

        assertThat(claims.isCurrent()).isTrue();
    }
}
