package io.thingbus.device.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.ApiKeyRecord;
import io.thingbus.contracts.DeviceClaimRecord;
import io.thingbus.contracts.DeviceCredentialRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboxMessagesTest {

    private static final TenantId TENANT = TenantId.of("Uabcde12345");
    private static final DeviceToken TOKEN = DeviceToken.of("AbCdEfGhIjKlMnOpQrStUvWxYz012345");
    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");

    @Test
    void issuedDeviceToken_isACredentialRecordKeyedByTheTokenHash() {
        OutboxMessage message = OutboxMessages.deviceTokenIssued(TENANT, TOKEN, NOW);

        assertThat(message.topic()).isEqualTo(Topics.DEVICE_CREDENTIALS);
        assertThat(message.key()).isEqualTo(SecretHash.of(TOKEN.value()).value());
        assertThat(message.type()).isEqualTo(DeviceCredentialRecord.TYPE);
        assertThat(DeviceCredentialRecord.CODEC.decode(message.value()))
                .isEqualTo(new DeviceCredentialRecord(SecretHash.of(TOKEN.value()), TENANT, NOW));
        assertThat(new String(message.value())).doesNotContain(TOKEN.value());
    }

    @Test
    void revokedDeviceToken_isATombstoneUnderTheSameKey() {
        OutboxMessage issued = OutboxMessages.deviceTokenIssued(TENANT, TOKEN, NOW);
        OutboxMessage revoked = OutboxMessages.deviceTokenRevoked(TENANT, TOKEN, NOW);

        assertThat(revoked.isTombstone()).isTrue();
        assertThat(revoked.key()).isEqualTo(issued.key());
        assertThat(revoked.topic()).isEqualTo(issued.topic());
        assertThat(revoked.type()).isEqualTo(DeviceCredentialRecord.TYPE);
        assertThat(revoked.id()).isNotEqualTo(issued.id());
    }

    @Test
    void issuedApiKey_carriesThePlan() {
        SecretHash hash = SecretHash.of("some-api-key");

        OutboxMessage message = OutboxMessages.apiKeyIssued(TENANT, hash, Plan.of("pro"), NOW);

        assertThat(message.topic()).isEqualTo(Topics.API_KEYS);
        assertThat(message.key()).isEqualTo(hash.value());
        assertThat(ApiKeyRecord.CODEC.decode(message.value())).isEqualTo(new ApiKeyRecord(hash, TENANT, "pro", NOW));
    }

    @Test
    void changedDevice_isADeviceRecordKeyedByDeviceKeyAboutTheDevice() {
        DeviceKey key = DeviceKey.of(TENANT, DeviceId.of("dev-1"));
        Device device = Device.registered(key, DeviceName.of("Kitchen"), Optional.of(TOKEN), Provisioning.AUTO, NOW);

        OutboxMessage message = OutboxMessages.deviceChanged(device);

        assertThat(message.topic()).isEqualTo(Topics.DEVICES);
        assertThat(message.key()).isEqualTo("Uabcde12345/dev-1");
        assertThat(message.device()).contains("dev-1");
        DeviceRecord record = DeviceRecord.CODEC.decode(message.value());
        assertThat(record.name()).isEqualTo("Kitchen");
        assertThat(record.provisioning()).isEqualTo("auto");
        assertThat(record.channelId()).isEqualTo(device.channel());
    }

    @Test
    void deletedDevice_isATombstoneUnderTheDeviceKey() {
        DeviceKey key = DeviceKey.of(TENANT, DeviceId.of("dev-1"));

        OutboxMessage message = OutboxMessages.deviceDeleted(key, NOW);

        assertThat(message.isTombstone()).isTrue();
        assertThat(message.key()).isEqualTo(key.asString());
        assertThat(message.type()).isEqualTo(DeviceRecord.TYPE);
    }

    @Test
    void claimedAwayDevice_isADeviceClaimRecordKeyedByTheFormerDeviceKeyInTheFormerOwnersTenant() {
        DeviceKey former = DeviceKey.of(TENANT, DeviceId.of("Device A"));
        TenantId claimer = TenantId.of("Uzyxwv98765");

        OutboxMessage message = OutboxMessages.deviceClaimedAway(former, claimer, NOW);

        assertThat(message.topic()).isEqualTo(Topics.DEVICE_CLAIMS);
        assertThat(message.key()).isEqualTo("Uabcde12345/Device A");
        assertThat(message.type()).isEqualTo(DeviceClaimRecord.TYPE);
        assertThat(message.tenant()).isEqualTo(TENANT);
        assertThat(message.device()).contains("Device A");
        assertThat(message.time()).isEqualTo(NOW);
        assertThat(DeviceClaimRecord.CODEC.decode(message.value()))
                .isEqualTo(new DeviceClaimRecord(TENANT, DeviceId.of("Device A"), claimer, NOW));
    }

    @Test
    void deviceOwnedAgain_isATombstoneUnderTheFormerDeviceKey() {
        DeviceKey former = DeviceKey.of(TENANT, DeviceId.of("Device A"));

        OutboxMessage message = OutboxMessages.deviceOwnedAgain(former, NOW);

        assertThat(message.isTombstone()).isTrue();
        assertThat(message.topic()).isEqualTo(Topics.DEVICE_CLAIMS);
        assertThat(message.key()).isEqualTo(former.asString());
        assertThat(message.type()).isEqualTo(DeviceClaimRecord.TYPE);
        assertThat(message.tenant()).isEqualTo(TENANT);
    }
}
