package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest(name = "a cycle of {0} users")
    @ValueSource(ints = {2, 3, 4, 5, ClaimedDevices.MAX_HOPS})
    void cycle_leavesEveryUserOfItTheDeviceItsGatewayCarries_whateverTheHopLimit(int size) {
        List<TenantId> users = cycleOf(size);

        for (TenantId start : users) {
            assertThat(claims.ownerOf(start, DEVICE)).as("walk from %s", start).isEqualTo(start);
            assertThat(claims.gatewayTenantsOf(DeviceKey.of(start, DEVICE))).as("gateways for %s", start)
                    .containsExactly(start);
        }
    }

    @ParameterizedTest(name = "a cycle of {0} users")
    @ValueSource(ints = {2, 3, 4})
    void walkEnteringACycle_endsAtTheUserWhereItEntered(int size) {
        List<TenantId> users = cycleOf(size);
        TenantId outsider = TenantId.of("Uoutside01");
        claims.claimed(DeviceKey.of(outsider, DEVICE), users.get(0));

        assertThat(claims.ownerOf(outsider, DEVICE)).isEqualTo(users.get(0));
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(users.get(0), DEVICE)))
                .containsExactlyInAnyOrder(users.get(0), outsider);
        for (TenantId inside : users.subList(1, size)) {
            assertThat(claims.gatewayTenantsOf(DeviceKey.of(inside, DEVICE))).containsExactly(inside);
        }
    }

    @Test
    void deviceGivenBack_beforeTheTombstoneIsRead_staysWithTheUserWhoGotItBack_andThenBelongsToItForAll() {
        claims.claimed(DeviceKey.of(A, DEVICE), B);
        claims.claimed(DeviceKey.of(B, DEVICE), C);

        claims.claimed(DeviceKey.of(C, DEVICE), A);

        assertThat(claims.ownerOf(A, DEVICE)).as("A's gateway: A's again, never C's").isEqualTo(A);
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(C, DEVICE))).as("C reaches no gateway of A")
                .containsExactly(C);

        claims.reclaimed(DeviceKey.of(A, DEVICE));

        assertThat(List.of(A, B, C)).allSatisfy(user -> assertThat(claims.ownerOf(user, DEVICE)).isEqualTo(A));
        assertThat(claims.gatewayTenantsOf(DeviceKey.of(A, DEVICE))).containsExactlyInAnyOrder(A, B, C);
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

    /** users[0] → users[1] → … → users[size - 1] → users[0]: each claimed the device from the one before. */
    private List<TenantId> cycleOf(int size) {
        List<TenantId> users = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            users.add(TenantId.of("Ucycle000" + i));
        }
        for (int i = 0; i < size; i++) {
            claims.claimed(DeviceKey.of(users.get(i), DEVICE), users.get((i + 1) % size));
        }
        return users;
    }
}
