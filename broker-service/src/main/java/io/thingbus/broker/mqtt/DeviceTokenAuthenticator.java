package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import io.thingbus.broker.domain.AuthenticationFailure;
import io.thingbus.broker.domain.AuthenticationResult;
import io.thingbus.broker.domain.ClientSessions;
import io.thingbus.broker.domain.ConnectionIdentity;
import io.thingbus.broker.domain.DeviceAuthenticator;
import io.thingbus.broker.domain.KnownTokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * HiveMQ's view of the {@link DeviceAuthenticator}: accepts a CONNECT whose user name is a tenant id and whose
 * password is a device token of that tenant, claims its client id for the tenant ({@link ClientSessions}), remembers
 * the identity and a fresh connection id on the connection, and remembers the token in {@link KnownTokens} (for
 * downlink topics). Refuses everything else with {@code BAD_USER_NAME_OR_PASSWORD} (MQTT 3.1.1: return code 4),
 * {@code SERVER_UNAVAILABLE} (return code 3) while the credentials are still loading, or
 * {@code CLIENT_IDENTIFIER_NOT_VALID} (return code 2) when another tenant holds the client id. Non-blocking; called
 * on HiveMQ threads, shared by all connections.
 */
final class DeviceTokenAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = Logger.getLogger(DeviceTokenAuthenticator.class);

    private final DeviceAuthenticator authenticator;
    private final KnownTokens knownTokens;
    private final ClientSessions clients;
    private final BrokerMetrics metrics;

    DeviceTokenAuthenticator(DeviceAuthenticator authenticator, KnownTokens knownTokens, ClientSessions clients,
            BrokerMetrics metrics) {
        this.authenticator = authenticator;
        this.knownTokens = knownTokens;
        this.clients = clients;
        this.metrics = metrics;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        AuthenticationResult result = authenticator.authenticate(connect.getUserName(), password(connect));
        String clientId = input.getClientInformation().getClientId();
        if (result instanceof AuthenticationResult.Accepted accepted) {
            accept(input, output, accepted.identity(), clientId);
        } else {
            refuse(output, ((AuthenticationResult.Refused) result).failure(), clientId);
        }
    }

    private void accept(SimpleAuthInput input, SimpleAuthOutput output, ConnectionIdentity identity, String clientId) {
        String connectionId = UUID.randomUUID().toString();
        if (!clients.claim(clientId, identity.tenant(), connectionId)) {
            refuse(output, AuthenticationFailure.CLIENT_ID_IN_USE, clientId);
            return;
        }
        ConnectionIdentities.attach(input.getConnectionInformation(), identity, connectionId);
        knownTokens.learn(identity.token());
        metrics.connectionAccepted();
        output.authenticateSuccessfully();
    }

    private void refuse(SimpleAuthOutput output, AuthenticationFailure failure, String clientId) {
        LOG.debugf("refused connection of client '%s': %s", clientId, failure);
        metrics.connectionRefused(failure);
        output.failAuthentication(AckReasons.forAuthentication(failure), AckReasons.reasonString(failure));
    }

    private static Optional<String> password(ConnectPacket connect) {
        return connect.getPassword().map(DeviceTokenAuthenticator::utf8);
    }

    private static String utf8(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
