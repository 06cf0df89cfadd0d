package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import io.thingbus.broker.config.KafkaForwardingConfig;
import io.thingbus.broker.domain.ConnectionIdentity;
import io.thingbus.broker.domain.DeviceAuthenticator;
import io.thingbus.broker.domain.GatewayPublishMapper;
import io.thingbus.broker.domain.GatewaySubdevices;
import io.thingbus.broker.domain.GatewayTopic;
import io.thingbus.broker.domain.Refusal;
import io.thingbus.broker.domain.SubdeviceOwnership;
import io.thingbus.broker.domain.TelemetrySink;
import io.thingbus.broker.domain.ThingScalePublishMapper;
import io.thingbus.broker.domain.UplinkSink;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every inbound PUBLISH of a client passes here. HiveMQ calls it before its authorizers, for every publish of a
 * connection, one publish of a client at a time. A publish of a connection whose token was revoked since is refused;
 * otherwise the topic picks the dialect: {@code v1/gateway/...} goes to the {@link GatewayPublishHandler}, everything
 * else to the {@link ThingScalePublishHandler}.
 *
 * <p>A refused publish is never delivered: its PUBACK/PUBREC carries the reason code (MQTT 5); HiveMQ disconnects an
 * MQTT 3 client instead (MQTT 3 has no reason codes). An unexpected error prevents delivery with
 * {@code UNSPECIFIED_ERROR}. Never blocks a HiveMQ thread; shared by all connections.
 */
@Singleton
final class UplinkInterceptor implements PublishInboundInterceptor {

    /** How much longer than Kafka's delivery timeout a QoS 1/2 acknowledgement waits before failing on its own. */
    static final Duration ACK_TIMEOUT_MARGIN = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(UplinkInterceptor.class);

    private final DeviceAuthenticator authenticator;
    private final ThingScalePublishHandler thingScale;
    private final GatewayPublishHandler gateway;
    private final BrokerMetrics metrics;

    @Inject
    UplinkInterceptor(KafkaForwardingConfig forwarding, DeviceAuthenticator authenticator,
            ThingScalePublishMapper thingScaleMapper, TelemetrySink telemetry, GatewayPublishMapper gatewayMapper,
            GatewaySubdevices subdevices, SubdeviceOwnership ownership, UplinkSink uplinks, BrokerMetrics metrics) {
        this(authenticator,
                new ThingScalePublishHandler(thingScaleMapper, telemetry, metrics, ackTimeout(forwarding)),
                new GatewayPublishHandler(gatewayMapper, subdevices, ownership, uplinks, metrics,
                        ackTimeout(forwarding)),
                metrics);
    }

    UplinkInterceptor(DeviceAuthenticator authenticator, ThingScalePublishHandler thingScale,
            GatewayPublishHandler gateway, BrokerMetrics metrics) {
        this.authenticator = authenticator;
        this.thingScale = thingScale;
        this.gateway = gateway;
        this.metrics = metrics;
    }

    private static Duration ackTimeout(KafkaForwardingConfig forwarding) {
        return forwarding.deliveryTimeout().plus(ACK_TIMEOUT_MARGIN);
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        try {
            route(input, output);
        } catch (RuntimeException e) {
            LOG.error("could not handle a publish of client '" + input.getClientInformation().getClientId() + "'", e);
            metrics.failedInternally();
            output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, "internal error");
        }
    }

    private void route(PublishInboundInput input, PublishInboundOutput output) {
        Optional<ConnectionIdentity> identity = ConnectionIdentities.of(input.getConnectionInformation())
                .filter(authenticator::isStillValid);
        if (identity.isEmpty()) {
            refuse(output, Refusal.tokenRevoked(), metrics);
        } else if (GatewayTopic.isGatewayTopic(input.getPublishPacket().getTopic())) {
            gateway.handle(input, output);
        } else {
            thingScale.handle(input, output, identity.get());
        }
    }

    /** Prevents delivery of a refused publish with the refusal's reason code and detail, and counts it. */
    static void refuse(PublishInboundOutput output, Refusal refusal, BrokerMetrics metrics) {
        metrics.refused(refusal.reason());
        output.preventPublishDelivery(AckReasons.forRefusal(refusal.reason()), refusal.detail());
    }
}
