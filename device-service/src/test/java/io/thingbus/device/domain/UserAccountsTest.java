package io.thingbus.device.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.Topics;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserAccountsTest {

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00.123456Z"));
    private final UserAccounts accounts =
            new UserAccounts(registry, new SecretGenerator(new SecureRandom()), clock, Plan.of("basic"));
    private final DeviceRegistry devices =
            new DeviceRegistry(registry, new KnownDevices(100, Duration.ofMinutes(1), clock), clock);

    @Test
    void createUser_withoutPlan_getsTheDefaultPlanAndOneKeyAndTokenAnnouncedInOneTransaction() {
        IssuedUser issued = accounts.createUser(new NewUser(Optional.of(UserName.of("Ada")), Optional.empty(),
                Optional.empty()));

        assertThat(issued.user().plan()).isEqualTo(Plan.of("basic"));
        assertThat(issued.user().createdAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00.123Z"));
        assertThat(registry.transactions()).isEqualTo(1);
        assertThat(registry.outbox()).extracting(OutboxMessage::topic)
                .containsExactly(Topics.API_KEYS, Topics.DEVICE_CREDENTIALS);
        assertThat(registry.outbox().get(1).key()).isEqualTo(issued.deviceToken().hash().value());
    }

    @Test
    void revokeDeviceToken_leavesDevicesThatUsedItWithoutTokenAndPublishesATombstone() {
        IssuedUser issued = newUser();
        DeviceKey key = DeviceKey.of(issued.user().id(), DeviceId.of("dev-1"));
        Device registered = devices.register(key, DeviceInput.defaults());

        accounts.revokeDeviceToken(issued.user().id(), issued.deviceToken());

        Device after = devices.device(key);
        assertThat(after.token()).isEmpty();
        assertThat(after.version()).isEqualTo(registered.version() + 1);
        OutboxMessage last = registry.outbox().get(registry.outbox().size() - 1);
        assertThat(last.isTombstone()).isTrue();
        assertThat(last.key()).isEqualTo(issued.deviceToken().hash().value());
    }

    @Test
    void revokeDeviceToken_announcesEachDeviceThatUsedItWithoutTokenHashBeforeTheTombstone() {
        IssuedUser issued = newUser();
        DeviceToken other = accounts.issueDeviceToken(issued.user().id());
        DeviceKey first = DeviceKey.of(issued.user().id(), DeviceId.of("dev-1"));
        DeviceKey second = DeviceKey.of(issued.user().id(), DeviceId.of("dev-2"));
        DeviceKey untouched = DeviceKey.of(issued.user().id(), DeviceId.of("dev-3"));
        DeviceInput revokedToken = new DeviceInput(Optional.empty(), Optional.of(issued.deviceToken()));
        devices.register(first, revokedToken);
        devices.register(second, revokedToken);
        devices.register(untouched, new DeviceInput(Optional.empty(), Optional.of(other)));
        int before = registry.outbox().size();
        int transactions = registry.transactions();
        clock.advance(Duration.ofSeconds(5));

        accounts.revokeDeviceToken(issued.user().id(), issued.deviceToken());

        assertThat(registry.transactions()).isEqualTo(transactions + 1);
        List<OutboxMessage> published = registry.outbox().subList(before, registry.outbox().size());
        assertThat(published).extracting(OutboxMessage::topic)
                .containsExactly(Topics.DEVICES, Topics.DEVICES, Topics.DEVICE_CREDENTIALS);
        assertThat(published).extracting(OutboxMessage::key).containsExactly(first.asString(), second.asString(),
                issued.deviceToken().hash().value());
        DeviceRecord record = DeviceRecord.CODEC.decode(published.get(0).value());
        assertThat(record.tokenHash()).isNull();
        assertThat(record.updatedAt()).isEqualTo(devices.device(first).updatedAt());
        assertThat(devices.device(first).version()).isEqualTo(2);
        assertThat(devices.device(untouched).token()).contains(other);
        assertThat(devices.device(untouched).version()).isEqualTo(1);
    }

    @Test
    void revokeDeviceToken_ofAnotherUser_isUnknownAndChangesNothing() {
        IssuedUser owner = newUser();
        IssuedUser other = newUser();
        int messages = registry.outbox().size();

        assertThatThrownBy(() -> accounts.revokeDeviceToken(other.user().id(), owner.deviceToken()))
                .isInstanceOf(UnknownCredentialException.class);
        assertThat(registry.outbox()).hasSize(messages);
    }

    @Test
    void issueApiKey_forUnknownUser_isRefused() {
        assertThatThrownBy(() -> accounts.issueApiKey(new SecretGenerator(new SecureRandom()).newUserId()))
                .isInstanceOf(UnknownUserException.class);
    }

    @Test
    void updateProfile_changesOnlyWhatItNames() {
        IssuedUser issued = accounts.createUser(new NewUser(Optional.of(UserName.of("Ada")),
                Optional.of(Email.of("ada@example.com")), Optional.empty()));

        User changed = accounts.updateProfile(issued.user().id(),
                new ProfileChange(FieldUpdate.keep(), FieldUpdate.set(Email.of("countess@example.com"))));

        assertThat(changed.name()).contains(UserName.of("Ada"));
        assertThat(changed.email()).contains(Email.of("countess@example.com"));
        assertThat(accounts.user(issued.user().id())).isEqualTo(changed);
    }

    private IssuedUser newUser() {
        return accounts.createUser(new NewUser(Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
