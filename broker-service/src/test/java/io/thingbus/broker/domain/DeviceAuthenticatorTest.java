package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceAuthenticatorTest {

    private static final TenantId TENANT = TenantId.of("Uab12cd34ef");
    private static final String TOKEN = "Token0123456789";

    private final DeviceCredentials credentials = new DeviceCredentials();
    private final DeviceAuthenticator authenticator = new DeviceAuthenticator(credentials);

    @BeforeEach
    void knownToken() {
        credentials.grant(SecretHash.of(TOKEN), TENANT);
        credentials.markCurrent();
    }

    @Test
    void knownToken_ofTheNamedTenant_isAccepted() {
        assertThat(authenticator.authenticate(Optional.of("Uab12cd34ef"), Optional.of(TOKEN)))
                .isEqualTo(new AuthenticationResult.Accepted(new ConnectionIdentity(TENANT, DeviceToken.of(TOKEN))));
    }

    @Test
    void knownToken_ofAnotherTenant_isRefused() {
        assertThat(authenticator.authenticate(Optional.of("Uother"), Optional.of(TOKEN)))
                .isEqualTo(new AuthenticationResult.Refused(AuthenticationFailure.WRONG_TENANT));
    }

    @Test
    void unknownToken_isRefused() {
        assertThat(authenticator.authenticate(Optional.of("Uab12cd34ef"), Optional.of("Unknown1")))
                .isEqualTo(new AuthenticationResult.Refused(AuthenticationFailure.UNKNOWN_TOKEN));
    }

    @Test
    void unknownToken_whileCredentialsLoad_isRefusedTemporarily() {
        DeviceAuthenticator loading = new DeviceAuthenticator(new DeviceCredentials());

        AuthenticationResult result = loading.authenticate(Optional.of("Uab12cd34ef"), Optional.of(TOKEN));

        assertThat(result).isEqualTo(new AuthenticationResult.Refused(AuthenticationFailure.CREDENTIALS_LOADING));
        assertThat(AuthenticationFailure.CREDENTIALS_LOADING.isTemporary()).isTrue();
    }

    @Test
    void revokedToken_isRefused_andNoLongerStillValid() {
        ConnectionIdentity identity = new ConnectionIdentity(TENANT, DeviceToken.of(TOKEN));
        credentials.revoke(SecretHash.of(TOKEN));

        assertThat(authenticator.authenticate(Optional.of("Uab12cd34ef"), Optional.of(TOKEN)))
                .isEqualTo(new AuthenticationResult.Refused(AuthenticationFailure.UNKNOWN_TOKEN));
        assertThat(authenticator.isStillValid(identity)).isFalse();
    }

    @Test
    void missingOrMalformedCredentials_areRefused() {
        assertThat(authenticator.authenticate(Optional.empty(), Optional.of(TOKEN)))
                .isEqualTo(new AuthenticationResult.Refused(AuthenticationFailure.MISSING_CREDENTIALS));
        assertThat(authenticator.authenticate(Optional.of("Uab12cd34ef"), Optional.empty()))
                .isEqualTo(new AuthenticationResult.Refused(AuthenticationFailure.MISSING_CREDENTIALS));
        assertThat(authenticator.authenticate(Optional.of("1bad"), Optional.of(TOKEN)))
                .isEqualTo(new AuthenticationResult.Refused(AuthenticationFailure.MALFORMED_CREDENTIALS));
        assertThat(authenticator.authenticate(Optional.of("Uab12cd34ef"), Optional.of("tok/en")))
                .isEqualTo(new AuthenticationResult.Refused(AuthenticationFailure.MALFORMED_CREDENTIALS));
    }
}
