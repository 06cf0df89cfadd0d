package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import io.thingbus.broker.domain.ConnectionIdentity;
import io.thingbus.broker.domain.DeviceToken;
import io.thingbus.broker.domain.MqttConnection;
import io.thingbus.contracts.TenantId;
import java.util.Optional;

/**
 * Keeps a connection's {@link ConnectionIdentity} and connection id in HiveMQ's per-connection attribute store, where
 * the authenticator puts them and the authorizer, the interceptors and the lifecycle listener read them. The store
 * lives in memory only, for as long as the connection (its disconnect events included).
 */
final class ConnectionIdentities {

    private static final String TENANT = "io.thingbus.tenant";
    private static final String TOKEN = "io.thingbus.device-token";
    private static final String CONNECTION_ID = "io.thingbus.connection-id";

    private ConnectionIdentities() {
    }

    static void attach(ConnectionInformation connection, ConnectionIdentity identity, String connectionId) {
        ConnectionAttributeStore attributes = connection.getConnectionAttributeStore();
        attributes.putAsString(TENANT, identity.tenant().value());
        attributes.putAsString(TOKEN, identity.token().value());
        attributes.putAsString(CONNECTION_ID, connectionId);
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

    /** The authenticated connection of {@code clientId}; empty before authentication. */
    static Optional<MqttConnection> connection(ConnectionInformation connection, String clientId) {
        Optional<String> connectionId = connection.getConnectionAttributeStore().getAsString(CONNECTION_ID);
        return of(connection).flatMap(identity -> connectionId.map(id -> new MqttConnection(identity, clientId, id)));
    }
}
