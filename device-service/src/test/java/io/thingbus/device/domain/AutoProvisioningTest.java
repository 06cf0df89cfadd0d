package io.thingbus.device.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoProvisioningTest {

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final KnownDevices known = new KnownDevices(100, Duration.ofMinutes(10), clock);
    private final AutoProvisioning provisioning = new AutoProvisioning(registry, known, clock);
    private final IssuedUser user = new UserAccounts(registry, new SecretGenerator(new SecureRandom()), clock,
            Plan.of("basic")).createUser(new NewUser(Optional.empty(), Optional.empty(), Optional.empty()));

    @Test
    void unknownDevice_isRegisteredAsAutoWithItsIdAsNameAndTheUsersFirstToken() {
        DeviceKey key = key("dev-x");

        RegistrationCounts outcome = provisioning.provision(seen(key));

        assertThat(outcome.registered()).isEqualTo(1);
        Device device = registry.devices().get(key);
        assertThat(device.provisioning()).isEqualTo(Provisioning.AUTO);
        assertThat(device.name().value()).isEqualTo("dev-x");
        assertThat(device.token()).contains(user.deviceToken());
        assertThat(registry.outbox()).filteredOn(m -> m.topic().equals(Topics.DEVICES)).hasSize(1);
    }

    @Test
    void knownDevice_costsNoTransaction() {
        provisioning.provision(seen(key("dev-x")));
        int transactions = registry.transactions();

        RegistrationCounts outcome = provisioning.provision(seen(key("dev-x"), key("dev-x")));

        assertThat(outcome.registered()).isZero();
        assertThat(registry.transactions()).isEqualTo(transactions);
    }

    @Test
    void deviceRegisteredElsewhere_isNotRegisteredTwice() {
        provisioning.provision(seen(key("dev-x")));
        AutoProvisioning otherInstance = new AutoProvisioning(registry,
                new KnownDevices(100, Duration.ofMinutes(10), clock), clock);

        RegistrationCounts outcome = otherInstance.provision(seen(key("dev-x")));

        assertThat(outcome.registered()).isZero();
        assertThat(registry.outbox()).filteredOn(m -> m.topic().equals(Topics.DEVICES)).hasSize(1);
    }

    @Test
    void deviceOfUnregisteredTenant_isNotProvisioned() {
        DeviceKey stranger = DeviceKey.of(TenantId.of("Unobody00000"), DeviceId.of("dev-x"));

        RegistrationCounts outcome = provisioning.provision(seen(stranger, key("dev-y")));

        assertThat(outcome).isEqualTo(new RegistrationCounts(1, 1, 0));
        assertThat(registry.devices()).doesNotContainKey(stranger);
    }

    @Test
    void deviceClaimedAwayFromTheTenant_isNotProvisionedAndCounted() {
        DeviceKey key = key("dev-claimed");
        registry.inTransaction(tx -> {
            tx.claims().markClaimedAway(key, TenantId.of("Uclaimer0000"), clock.instant());
            return null;
        });

        RegistrationCounts outcome = provisioning.provision(seen(key));

        assertThat(outcome).isEqualTo(new RegistrationCounts(0, 0, 1));
        assertThat(registry.devices()).doesNotContainKey(key);
    }

    @Test
    void deviceSeenUnderAnotherOfTheUsersTokens_getsThatToken() {
        UserAccounts accounts = new UserAccounts(registry, new SecretGenerator(new SecureRandom()), clock,
                Plan.of("basic"));
        DeviceToken second = accounts.issueDeviceToken(user.user().id());
        DeviceKey key = key("dev-second");

        provisioning.provision(List.of(new AutoProvisioning.SeenDevice(key, Optional.of(second.hash()))));

        assertThat(registry.devices().get(key).token()).contains(second);
        assertThat(registry.devices().get(key).toRecord().tokenHash()).isEqualTo(second.hash());
    }

    @Test
    void deviceSeenUnderAForeignTokenHash_getsTheUsersFirstToken() {
        DeviceKey key = key("dev-z");

        provisioning.provision(List.of(new AutoProvisioning.SeenDevice(key,
                Optional.of(io.thingbus.contracts.SecretHash.of("not-a-token-of-this-user")))));

        assertThat(registry.devices().get(key).token()).contains(user.deviceToken());
    }

    private static List<AutoProvisioning.SeenDevice> seen(DeviceKey... keys) {
        return java.util.Arrays.stream(keys).map(k -> new AutoProvisioning.SeenDevice(k, Optional.empty())).toList();
    }

    private DeviceKey key(String device) {
        return DeviceKey.of(user.user().id(), DeviceId.of(device));
    }
}
