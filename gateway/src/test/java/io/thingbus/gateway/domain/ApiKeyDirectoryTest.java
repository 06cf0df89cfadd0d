package io.thingbus.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.ApiKeyRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyDirectoryTest {

    private static final Instant CREATED = Instant.parse("2026-11-21T10:00:00Z");

    private static ApiKeyRecord record(String key, String tenant, String plan) {
        return new ApiKeyRecord(SecretHash.of(key), TenantId.of(tenant), plan, CREATED);
    }

    @Test
    void newDirectory_isNotLoadedAndKnowsNoKey() {
        ApiKeyDirectory directory = new ApiKeyDirectory();

        assertThat(directory.loaded()).isFalse();
        assertThat(directory.find(SecretHash.of("a"))).isEmpty();
    }

    @Test
    void load_replacesEveryKeyAtOnce() {
        ApiKeyDirectory directory = new ApiKeyDirectory();
        directory.load(Map.of(SecretHash.of("old"), record("old", "Ua1", "basic")));

        directory.load(Map.of(SecretHash.of("new"), record("new", "Ua1", "basic")));

        assertThat(directory.loaded()).isTrue();
        assertThat(directory.find(SecretHash.of("old"))).isEmpty();
        assertThat(directory.find(SecretHash.of("new"))).isPresent();
        assertThat(directory.size()).isEqualTo(1);
    }

    @Test
    void changes_issueReissueAndRevokeKeys() {
        ApiKeyDirectory directory = new ApiKeyDirectory();
        directory.load(Map.of());

        directory.apply(ApiKeyChange.issue(record("k", "Ua1", "basic")));
        directory.apply(ApiKeyChange.issue(record("k", "Ua1", "pro")));
        assertThat(directory.find(SecretHash.of("k"))).hasValueSatisfying(r -> assertThat(r.plan()).isEqualTo("pro"));

        directory.apply(ApiKeyChange.revoke(SecretHash.of("k")));
        assertThat(directory.find(SecretHash.of("k"))).isEmpty();
    }

    @Test
    void change_withRecordFiledUnderAnotherHash_isRejected() {
        assertThatThrownBy(() -> new ApiKeyChange(SecretHash.of("other"), record("k", "Ua1", "basic")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
