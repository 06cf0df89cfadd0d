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

        AutoProvisioning.Outcome outcome = provisioning.provision(List.of(key));

        assertThat(outcome.registered()).isEqualTo(1);
        Device device = registry.devices().get(key);
        assertThat(device.provisioning()).isEqualTo(Provisioning.AUTO);
        assertThat(device.name().value()).isEqualTo("dev-x");
        assertThat(device.token()).contains(user.deviceToken());
        assertThat(registry.outbox()).filteredOn(m -> m.topic().equals(Topics.DEVICES)).hasSize(1);
    }

    @Test
    void knownDevice_costsNoTransaction() {
        provisioning.provision(List.of(key("dev-x")));
        int transactions = registry.transactions();

        AutoProvisioning.Outcome outcome = provisioning.provision(List.of(key("dev-x"), key("dev-x")));

        assertThat(outcome.registered()).isZero();
        assertThat(registry.transactions()).isEqualTo(transactions);
    }

    @Test
    void deviceRegisteredElsewhere_isNotRegisteredTwice() {
        provisioning.provision(List.of(key("dev-x")));
        AutoProvisioning otherInstance = new AutoProvisioning(registry,
                new KnownDevices(100, Duration.ofMinutes(10), clock), clock);

        AutoProvisioning.Outcome outcome = otherInstance.provision(List.of(key("dev-x")));

        assertThat(outcome.registered()).isZero();
        assertThat(registry.outbox()).filteredOn(m -> m.topic().equals(Topics.DEVICES)).hasSize(1);
    }

    @Test
    void deviceOfUnregisteredTenant_isNotProvisioned() {
        DeviceKey stranger = DeviceKey.of(TenantId.of("Unobody00000"), DeviceId.of("dev-x"));

        AutoProvisioning.Outcome outcome = provisioning.provision(List.of(stranger, key("dev-y")));

        assertThat(outcome).isEqualTo(new AutoProvisioning.Outcome(1, 1));
        assertThat(registry.devices()).doesNotContainKey(stranger);
    }

    private DeviceKey key(String device) {
        return DeviceKey.of(user.user().id(), DeviceId.of(device));
    }
}
