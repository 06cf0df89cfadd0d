package io.thingbus.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.ApiKeyRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.gateway.domain.ApiKeyChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiKeyRecordDecoderTest {

    private static final SecretHash HASH = SecretHash.of("the-key");

    @Test
    void record_asDeviceServiceWritesIt_issuesTheKey() {
        String json = "{\"key_hash\":\"" + HASH + "\",\"tenant\":\"Uab12cd34ef\",\"plan\":\"basic\","
                + "\"created_at\":\"2026-11-21T10:00:00Z\"}";

        ApiKeyChange change = ApiKeyRecordDecoder.decode(HASH.value(), json.getBytes(StandardCharsets.UTF_8));

        assertThat(change).isEqualTo(ApiKeyChange.issue(new ApiKeyRecord(HASH, TenantId.of("Uab12cd34ef"), "basic",
                Instant.parse("2026-11-21T10:00:00Z"))));
    }

    @Test
    void tombstone_revokesTheKey() {
        assertThat(ApiKeyRecordDecoder.decode(HASH.value(), null)).isEqualTo(ApiKeyChange.revoke(HASH));
    }

    @Test
    void recordWithoutKeyOrWithKeyThatIsNoHash_isMalformed() {
        assertThatThrownBy(() -> ApiKeyRecordDecoder.decode(null, null)).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> ApiKeyRecordDecoder.decode("the-key", null)).isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void valueThatIsNoApiKeyRecord_isMalformed() {
        assertThatThrownBy(() -> ApiKeyRecordDecoder.decode(HASH.value(), "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> ApiKeyRecordDecoder.decode(HASH.value(), "{\"plan\":\"basic\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void recordFiledUnderAnotherHash_isMalformed() {
        ApiKeyRecord other = new ApiKeyRecord(SecretHash.of("other"), TenantId.of("Uab12cd34ef"), "basic", Instant.now());

        assertThatThrownBy(() -> ApiKeyRecordDecoder.decode(HASH.value(), ApiKeyRecord.CODEC.encode(other)))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("differs");
    }
}
