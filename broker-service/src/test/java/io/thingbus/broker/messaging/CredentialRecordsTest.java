package io.thingbus.broker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.broker.domain.DeviceCredentials;
import io.thingbus.contracts.DeviceCredentialRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialRecordsTest {

    private static final SecretHash HASH = SecretHash.of("Token1");
    private static final TenantId TENANT = TenantId.of("Uab12cd34ef");

    private final DeviceCredentials credentials = new DeviceCredentials();

    @Test
    void record_grantsTheTokenToItsTenant() {
        CredentialRecords.apply(key(HASH), value(HASH, TENANT), credentials);

        assertThat(credentials.ownerOf(HASH)).contains(TENANT);
    }

    @Test
    void laterRecord_replacesTheOwner() {
        CredentialRecords.apply(key(HASH), value(HASH, TENANT), credentials);
        CredentialRecords.apply(key(HASH), value(HASH, TenantId.of("Unew")), credentials);

        assertThat(credentials.ownerOf(HASH)).contains(TenantId.of("Unew"));
    }

    @Test
    void tombstone_revokesTheToken() {
        CredentialRecords.apply(key(HASH), value(HASH, TENANT), credentials);
        CredentialRecords.apply(key(HASH), null, credentials);

        assertThat(credentials.ownerOf(HASH)).isEmpty();
    }

    @Test
    void malformedRecords_areRejectedWithoutChangingTheCredentials() {
        CredentialRecords.apply(key(HASH), value(HASH, TENANT), credentials);
        SecretHash other = SecretHash.of("Other");

        assertThatThrownBy(() -> CredentialRecords.apply(null, value(HASH, TENANT), credentials))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> CredentialRecords.apply("not-a-hash".getBytes(StandardCharsets.UTF_8), null, credentials))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> CredentialRecords.apply(key(HASH), "{".getBytes(StandardCharsets.UTF_8), credentials))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> CredentialRecords.apply(key(HASH),
                "{\"token_hash\":\"%s\",\"tenant\":\"9bad\",\"created_at\":\"2026-01-01T00:00:00Z\"}"
                        .formatted(HASH.value()).getBytes(StandardCharsets.UTF_8), credentials))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> CredentialRecords.apply(key(other), value(HASH, TENANT), credentials))
                .isInstanceOf(MalformedRecordException.class);

        assertThat(credentials.ownerOf(HASH)).contains(TENANT);
        assertThat(credentials.size()).isEqualTo(1);
    }

    private static byte[] key(SecretHash hash) {
        return hash.value().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] value(SecretHash hash, TenantId tenant) {
        return DeviceCredentialRecord.CODEC.encode(new DeviceCredentialRecord(hash, tenant, Instant.now()));
    }
}
