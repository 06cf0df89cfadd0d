package io.thingbus.broker.domain;

import io.thingbus.contracts.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether MQTT credentials are a ThingScale device's: the user name is the tenant id ({@code U…}), the
 * password a device token whose hash is in the {@link DeviceCredentials} with that tenant as owner.
 *
 * <p>Pure and non-blocking (a hash and a map look-up): safe to call on a HiveMQ thread. Thread-safe.
 */
public final class DeviceAuthenticator {

    private final DeviceCredentials credentials;

    public DeviceAuthenticator(DeviceCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * @param userName the CONNECT user name, or empty
     * @param password the CONNECT password decoded as UTF-8, or empty
     */
    public AuthenticationResult authenticate(Optional<String> userName, Optional<String> password) {
        if (userName.isEmpty() || password.isEmpty()) {
            return refused(AuthenticationFailure.MISSING_CREDENTIALS);
        }
        if (!TenantId.isValid(userName.get()) || !DeviceToken.isValid(password.get())) {
            return refused(AuthenticationFailure.MALFORMED_CREDENTIALS);
        }
        return authenticate(TenantId.of(userName.get()), DeviceToken.of(password.get()));
    }

    private AuthenticationResult authenticate(TenantId claimedTenant, DeviceToken token) {
        Optional<TenantId> owner = credentials.ownerOf(token.hash());
        if (owner.isEmpty()) {
            return refused(credentials.isCurrent()
                    ? AuthenticationFailure.UNKNOWN_TOKEN
                    : AuthenticationFailure.CREDENTIALS_LOADING);
        }
        if (!owner.get().equals(claimedTenant)) {
            return refused(AuthenticationFailure.WRONG_TENANT);
        }
        return new AuthenticationResult.Accepted(new ConnectionIdentity(claimedTenant, token));
    }

    /** Whether an identity accepted earlier still holds: its token has not been revoked or given to another tenant. */
    public boolean isStillValid(ConnectionIdentity identity) {
        return credentials.ownerOf(identity.token().hash()).filter(identity.tenant()::equals).isPresent();
    }

    private static AuthenticationResult refused(AuthenticationFailure failure) {
        return new AuthenticationResult.Refused(failure);
    }
}
