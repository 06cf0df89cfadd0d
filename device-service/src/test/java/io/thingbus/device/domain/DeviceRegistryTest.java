package io.thingbus.device.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
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
}
