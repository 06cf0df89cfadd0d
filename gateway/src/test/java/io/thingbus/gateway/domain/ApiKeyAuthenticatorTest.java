package io.thingbus.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.ApiKeyRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {

    private static final String KEY = "k3y-of-alice";
    private static final TenantId ALICE = TenantId.of("Ualice");

    private final ApiKeyDirectory directory = new ApiKeyDirectory();
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(directory);

    private void loadAlicesKey() {
        SecretHash hash = SecretHash.of(KEY);
        directory.load(Map.of(hash, new ApiKeyRecord(hash, ALICE, "basic", Instant.parse("2026-11-21T10:00:00Z"))));
    }

    @Test
    void apiKeyHeader_withIssuedKey_authenticatesItsTenantAndPlan() {
        loadAlicesKey();

        assertThat(authenticator.authenticate(KEY, null)).isEqualTo(new Caller(ALICE, "basic"));
    }

    @Test
    void bearerToken_withIssuedKey_authenticatesItsTenant_whateverTheSchemeCase() {
        loadAlicesKey();

        assertThat(authenticator.authenticate(null, "Bearer " + KEY).tenant()).isEqualTo(ALICE);
        assertThat(authenticator.authenticate(null, "bearer   " + KEY + " ").tenant()).isEqualTo(ALICE);
    }

    @Test
    void apiKeyHeader_winsOverAuthorization() {
        loadAlicesKey();

        assertThat(authenticator.authenticate(KEY, "Bearer someone-else").tenant()).isEqualTo(ALICE);
    }

    @Test
    void noKeyAtAll_isMissing() {
        loadAlicesKey();

        assertThatThrownBy(() -> authenticator.authenticate(null, null)).isInstanceOf(MissingApiKeyException.class);
        assertThatThrownBy(() -> authenticator.authenticate("  ", "")).isInstanceOf(MissingApiKeyException.class);
    }

    @Test
    void authorization_withOtherScheme_isMissingKey() {
        loadAlicesKey();

        assertThatThrownBy(() -> authenticator.authenticate(null, "Basic " + KEY))
                .isInstanceOf(MissingApiKeyException.class).hasMessageContaining("Bearer");
        assertThatThrownBy(() -> authenticator.authenticate(null, "Bearer"))
                .isInstanceOf(MissingApiKeyException.class);
    }

    @Test
    void unknownKey_isRefused() {
        loadAlicesKey();

        assertThatThrownBy(() -> authenticator.authenticate("not-issued", null)).isInstanceOf(UnknownApiKeyException.class);
    }

    @Test
    void revokedKey_isRefusedLikeAnUnknownOne() {
        loadAlicesKey();
        directory.apply(ApiKeyChange.revoke(SecretHash.of(KEY)));

        assertThatThrownBy(() -> authenticator.authenticate(KEY, null)).isInstanceOf(UnknownApiKeyException.class);
    }

    @Test
    void anyKey_beforeTheKeysAreLoaded_cannotBeJudged() {
        assertThatThrownBy(() -> authenticator.authenticate(KEY, null)).isInstanceOf(ApiKeysNotLoadedException.class);
    }

    @Test
    void missingKey_beforeTheKeysAreLoaded_isStillMissing() {
        assertThatThrownBy(() -> authenticator.authenticate(null, null)).isInstanceOf(MissingApiKeyException.class);
    }
}
