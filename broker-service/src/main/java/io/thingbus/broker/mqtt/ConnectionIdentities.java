package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import io.thingbus.broker.domain.ConnectionIdentity;
import io.thingbus.broker.domain.DeviceToken;
import io.thingbus.contracts.TenantId;
import java.util.Optional;

/**
 * Keeps a connection's {@link ConnectionIdentity} in HiveMQ's per-connection attribute store, where the
 * authenticator puts it and the authorizer and interceptor read it. The store lives in memory only, for as long as
 * the connection.
 */
final class ConnectionIdentities {

    private static final String TENANT = "io.thingbus.tenant";
    private static final String TOKEN = "io.thingbus.device-token";

    private ConnectionIdentities() {
    }

    static void attach(ConnectionInformation connection, ConnectionIdentity identity) {
        ConnectionAttributeStore attributes = connection.getConnectionAttributeStore();
        attributes.putAsString(TENANT, identity.tenant().value());
        attributes.putAsString(TOKEN, identity.token().value());
    }

    /** The identity of an authenticated connection; empty before authentication. */
    static Optional<ConnectionIdentity> of(ConnectionInformation connection) {
        ConnectionAttributeStore attributes = connection.getConnectionAttributeStore();
        Optional<String> tenant = attributes.getAsString(TENANT);
        Optional<String> token = attributes.getAsString(TOKEN);
        if (tenant.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConnectionIdentity(TenantId.of(tenant.get()), DeviceToken.of(token.get())));
    }
}
