package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.client.parameter.ListenerType;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationFailedInput;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ClientInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionLostInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ServerInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;
import com.hivemq.extension.sdk.api.packets.general.DisconnectedReasonCode;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import com.hivemq.extension.sdk.api.parameter.ClientBasedInput;
import io.thingbus.broker.domain.ClientSessions;
import io.thingbus.broker.domain.DisconnectReason;
import io.thingbus.broker.domain.GatewaySubdevices;
import io.thingbus.broker.domain.MqttConnection;
import io.thingbus.broker.domain.MqttProtocolVersion;
import io.thingbus.broker.domain.SessionEventSink;
import io.thingbus.broker.domain.SessionEvents;
import io.thingbus.broker.domain.Transport;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The life of one MQTT connection, as lifecycle events: {@code connected} once HiveMQ has authenticated the client
 * (and authorized its will), {@code disconnected} with the reason when the connection ends — only for connections
 * that were reported connected, so unauthenticated clients produce nothing. When HiveMQ publishes the client's will,
 * the {@link WillForwarder} forwards it too. It also keeps the per-instance state of connections current: the client
 * id's claim ({@link ClientSessions}: established at connect, released or kept for the persistent session at the end)
 * and, for a gateway, its sub-devices ({@link GatewaySubdevices}: all disconnected at the end).
 *
 * <p>HiveMQ asks the provider for one listener per connection and calls it for that connection only, one event after
 * another (possibly on different threads, hence the volatile fields). Never blocks.
 */
final class SessionLifecycleListener implements ClientLifecycleEventListener {

    private static final Logger LOG = Logger.getLogger(SessionLifecycleListener.class);

    private final SessionEvents events;
    private final SessionEventSink sink;
    private final WillForwarder wills;
    private final ClientSessions clients;
    private final GatewaySubdevices subdevices;
    private volatile Optional<WillPublishPacket> will = Optional.empty();
    private volatile long sessionExpiry;
    private volatile MqttConnection connected;

    SessionLifecycleListener(SessionEvents events, SessionEventSink sink, WillForwarder wills, ClientSessions clients,
            GatewaySubdevices subdevices) {
        this.events = events;
        this.sink = sink;
        this.wills = wills;
        this.clients = clients;
        this.subdevices = subdevices;
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
        will = input.getConnectPacket().getWillPublish();
        sessionExpiry = input.getConnectPacket().getSessionExpiryInterval();
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        ConnectionInformation information = input.getConnectionInformation();
        Optional<MqttConnection> connection =
                ConnectionIdentities.connection(information, input.getClientInformation().getClientId());
        if (connection.isEmpty()) {
            return; // not authenticated by the Thingbus authenticator: nothing to report
        }
        connected = connection.get();
        clients.established(connected.clientId(), connected.connectionId());
        wills.clientConnected(connected);
        sink.send(events.connected(connected, transport(information), version(information.getMqttVersion())));
    }

    @Override
    public void onClientInitiatedDisconnect(ClientInitiatedDisconnectInput input) {
        boolean withWill = input.getReasonCode().filter(DisconnectedReasonCode.DISCONNECT_WITH_WILL_MESSAGE::equals)
                .isPresent();
        ended(input, DisconnectReason.CLIENT, withWill);
    }

    @Override
    public void onConnectionLost(ConnectionLostInput input) {
        ended(input, DisconnectReason.LOST, true);
    }

    @Override
    public void onServerInitiatedDisconnect(ServerInitiatedDisconnectInput input) {
        boolean takeover = input.getReasonCode().filter(DisconnectedReasonCode.SESSION_TAKEN_OVER::equals).isPresent();
        ended(input, takeover ? DisconnectReason.TAKEOVER : DisconnectReason.SERVER, !takeover);
    }

    /** Refused by an authenticator, or after authentication (its will not authorized): only a claim to release. */
    @Override
    public void onAuthenticationFailedDisconnect(AuthenticationFailedInput input) {
        ended(input, DisconnectReason.SERVER, false);
    }

    /** Not called: HiveMQ calls the specific disconnect methods above, which this listener all implements. */
    @Override
    public void onDisconnect(DisconnectEventInput input) {
        LOG.debugf("unexpected generic disconnect event of client '%s'", input.getClientInformation().getClientId());
    }

    private void ended(ClientBasedInput input, DisconnectReason reason, boolean willPublished) {
        MqttConnection connection = connected;
        if (connection == null) {
            releaseUnestablished(input);
            return;
        }
        connected = null;
        clients.ended(connection.clientId(), connection.connectionId(), true, sessionExpiry);
        subdevices.connectionEnded(connection);
        sink.send(events.disconnected(connection, reason));
        if (willPublished && will.isPresent()) {
            wills.connectionEnded(connection, will.get(), sessionExpiry);
        }
    }

    /** A connection that authenticated but never completed its CONNECT gives its client id's claim back. */
    private void releaseUnestablished(ClientBasedInput input) {
        ConnectionIdentities.connection(input.getConnectionInformation(), input.getClientInformation().getClientId())
                .ifPresent(c -> clients.ended(c.clientId(), c.connectionId(), false, 0));
    }

    static Transport transport(ConnectionInformation information) {
        ListenerType type = information.getListener().map(l -> l.getListenerType()).orElse(ListenerType.TCP_LISTENER);
        return switch (type) {
            case TCP_LISTENER -> Transport.TCP;
            case TLS_TCP_LISTENER -> Transport.TLS;
            case WEBSOCKET_LISTENER -> Transport.WS;
            case TLS_WEBSOCKET_LISTENER -> Transport.WSS;
        };
    }

    static MqttProtocolVersion version(MqttVersion version) {
        return switch (version) {
            case V_3_1 -> MqttProtocolVersion.V3_1;
            case V_3_1_1 -> MqttProtocolVersion.V3_1_1;
            case V_5 -> MqttProtocolVersion.V5;
        };
    }
}
