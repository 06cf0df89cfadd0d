package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import org.jboss.logging.Logger;

/**
 * The edge inside HiveMQ: registers the device authenticator, the topic authorizer and, for every client, the
 * telemetry interceptor. HiveMQ starts it while it starts; {@link #isStarted()} tells whether that worked, because a
 * HiveMQ whose extension did not start would accept every client.
 */
final class ThingbusExtension implements ExtensionMain {

    private static final Logger LOG = Logger.getLogger(ThingbusExtension.class);

    private final DeviceTokenAuthenticator authenticator;
    private final ThingScaleTopicAuthorizer authorizer;
    private final TelemetryForwardingInterceptor interceptor;
    private volatile boolean started;

    ThingbusExtension(DeviceTokenAuthenticator authenticator, ThingScaleTopicAuthorizer authorizer,
            TelemetryForwardingInterceptor interceptor) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.interceptor = interceptor;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        try {
            Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
            Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
            Services.initializerRegistry().setClientInitializer(
                    (initializerInput, client) -> client.addPublishInboundInterceptor(interceptor));
            started = true;
        } catch (RuntimeException e) {
            LOG.error("the Thingbus extension could not register with HiveMQ", e);
            output.preventExtensionStartup("registration failed: " + e.getMessage());
        }
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        started = false;
    }

    boolean isStarted() {
        return started;
    }
}
