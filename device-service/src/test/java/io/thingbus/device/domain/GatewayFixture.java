package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** An in-memory registry with a clock and users, for the tests of the gateway API's domain services. */
final class GatewayFixture {

    /** How long {@link Subdevices} remembers an ended gateway connection in these tests. */
    static final Duration ENDED_CONNECTION_RETENTION = Duration.ofDays(1);

    final InMemoryRegistry registry = new InMemoryRegistry();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    final KnownDevices known = new KnownDevices(100, Duration.ofMinutes(10), clock);
    final UserAccounts accounts =
            new UserAccounts(registry, new SecretGenerator(new SecureRandom()), clock, Plan.of("basic"));
    final DeviceRegistry devices = new DeviceRegistry(registry, known, clock);

    IssuedUser newUser() {
        return accounts.createUser(new NewUser(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    static DeviceKey key(IssuedUser user, String device) {
        return DeviceKey.of(user.user().id(), DeviceId.of(device));
    }

    static DeviceKey key(TenantId tenant, String device) {
        return DeviceKey.of(tenant, DeviceId.of(device));
    }
}
