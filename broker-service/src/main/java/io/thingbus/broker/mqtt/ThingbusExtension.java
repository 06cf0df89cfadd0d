package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.client.ClientContext;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.thingbus.broker.domain.ClientSessions;
import io.thingbus.broker.domain.DeviceAuthenticator;
import io.thingbus.broker.domain.GatewaySubdevices;
import io.thingbus.broker.domain.KnownTokens;
import io.thingbus.broker.domain.SessionEventSink;
import io.thingbus.broker.domain.SessionEvents;
import io.thingbus.broker.domain.TelemetrySink;
import io.thingbus.broker.domain.ThingScaleAccessPolicy;
import io.thingbus.broker.domain.ThingScalePublishMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The edge inside HiveMQ. It registers the device authenticator and the topic authorizer, a lifecycle listener per
 * connection (connected/disconnected events, wills, client id claims, gateway sub-devices), and for every client the
 * uplink interceptor (ThingScale and gateway publishes) and a subscription-event interceptor; and it hands HiveMQ's
 * publish service to the downlink publisher. HiveMQ starts it while it starts; {@link #isStarted()} tells whether that
 * worked, because a HiveMQ whose extension did not start would accept every client.
 */
@Singleton
final class ThingbusExtension implements ExtensionMain {

    private static final Logger LOG = Logger.getLogger(ThingbusExtension.class);

    private final DeviceTokenAuthenticator authenticator;
    private final ThingScaleTopicAuthorizer authorizer;
    private final UplinkInterceptor interceptor;
    private final SessionEvents sessionEvents;
    private final ClientSessions clients;
    private final GatewaySubdevices subdevices;
    private final SessionEventSink sessionEventSink;
    private final WillForwarder wills;
    private final HiveMqDownlinkPublisher downlinks;
    private volatile boolean started;

    ThingbusExtension(DeviceAuthenticator deviceAuthenticator, KnownTokens knownTokens, ClientSessions clients,
            ThingScaleAccessPolicy policy, ThingScalePublishMapper mapper, UplinkInterceptor interceptor,
            GatewaySubdevices subdevices, TelemetrySink telemetry, SessionEvents sessionEvents,
            SessionEventSink sessionEventSink, HiveMqDownlinkPublisher downlinks, BrokerMetrics metrics) {
        this.authenticator = new DeviceTokenAuthenticator(deviceAuthenticator, knownTokens, clients, metrics);
        this.authorizer = new ThingScaleTopicAuthorizer(policy, deviceAuthenticator, metrics);
        this.interceptor = interceptor;
        this.sessionEvents = sessionEvents;
        this.clients = clients;
        this.subdevices = subdevices;
        this.sessionEventSink = sessionEventSink;
        this.wills = new WillForwarder(mapper, deviceAuthenticator, telemetry, metrics);
        this.downlinks = downlinks;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        try {
            Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
            Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
            Services.eventRegistry().setClientLifecycleEventListener(
                    providerInput -> new SessionLifecycleListener(sessionEvents, sessionEventSink, wills, clients,
                            subdevices));
            Services.initializerRegistry().setClientInitializer((initializerInput, client) -> initialize(client));
            downlinks.attach(Services.publishService());
            started = true;
        } catch (RuntimeException e) {
            LOG.error("the Thingbus extension could not register with HiveMQ", e);
            output.preventExtensionStartup("registration failed: " + e.getMessage());
        }
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        started = false;
        downlinks.detach();
    }

    boolean isStarted() {
        return started;
    }

    @PreDestroy
    void close() {
        wills.close();
    }

    private void initialize(ClientContext client) {
        client.addPublishInboundInterceptor(interceptor);
        SubscriptionEventInterceptor subscriptions = new SubscriptionEventInterceptor(sessionEvents, sessionEventSink);
        client.addSubscribeInboundInterceptor(subscriptions);
        client.addSubackOutboundInterceptor(subscriptions);
        client.addUnsubscribeInboundInterceptor(subscriptions);
        client.addUnsubackOutboundInterceptor(subscriptions);
    }
}
