package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import io.thingbus.broker.domain.ConnectionIdentity;
import io.thingbus.broker.domain.DeviceAuthenticator;
import io.thingbus.broker.domain.GatewayTopic;
import io.thingbus.broker.domain.Refusal;
import io.thingbus.broker.domain.ThingScaleAccessPolicy;
import java.util.Optional;

/**
 * HiveMQ's view of the {@link ThingScaleAccessPolicy} and of the gateway topics. A client may subscribe below its own
 * token ({@code <TOKEN>/...}) and to the three gateway topics {@code v1/gateway/attributes},
 * {@code v1/gateway/attributes/response} and {@code v1/gateway/rpc} (only the platform publishes there, to one client
 * at a time); anything else gets SUBACK {@code NOT_AUTHORIZED} (MQTT 3.1.1: failure 0x80).
 *
 * <p>Publishes are checked again here because HiveMQ also authorizes will messages with this authorizer (a CONNECT
 * whose will topic is not allowed is refused): a will must be a telemetry topic of the own token, never a gateway
 * topic (HiveMQ would deliver it to every subscriber of every tenant). Ordinary publishes were already decided by the
 * {@link UplinkInterceptor}, which runs first; gateway publishes never get here (their delivery is always prevented).
 * Non-blocking; shared by all connections.
 */
final class ThingScaleTopicAuthorizer implements SubscriptionAuthorizer, PublishAuthorizer {

    private static final String FOREIGN_FILTER = "clients subscribe only to filters below their own device token,"
            + " or to v1/gateway/attributes, v1/gateway/attributes/response and v1/gateway/rpc";

    private final ThingScaleAccessPolicy policy;
    private final DeviceAuthenticator authenticator;
    private final BrokerMetrics metrics;

    ThingScaleTopicAuthorizer(ThingScaleAccessPolicy policy, DeviceAuthenticator authenticator, BrokerMetrics metrics) {
        this.policy = policy;
        this.authenticator = authenticator;
        this.metrics = metrics;
    }

    @Override
    public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        String filter = input.getSubscription().getTopicFilter();
        boolean granted = validIdentity(ConnectionIdentities.of(input.getConnectionInformation()))
                .filter(identity -> policy.allowsSubscription(filter, identity)
                        || GatewayTopic.allowsSubscription(filter))
                .isPresent();
        metrics.subscription(granted);
        if (granted) {
            output.authorizeSuccessfully();
        } else {
            output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, FOREIGN_FILTER);
        }
    }

    @Override
    public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
        Optional<ConnectionIdentity> identity = validIdentity(ConnectionIdentities.of(input.getConnectionInformation()));
        Optional<Refusal> refusal = refusal(input.getPublishPacket().getTopic(), identity);
        if (refusal.isEmpty()) {
            output.authorizeSuccessfully();
        } else {
            output.failAuthorization(AckReasons.forRefusal(refusal.get().reason()), refusal.get().detail());
        }
    }

    private Optional<Refusal> refusal(String topic, Optional<ConnectionIdentity> identity) {
        if (identity.isEmpty()) {
            return Optional.of(Refusal.tokenRevoked());
        }
        if (GatewayTopic.isGatewayTopic(topic)) {
            return Optional.of(Refusal.gatewayWill());
        }
        return policy.refusalForPublish(topic, identity.get());
    }

    private Optional<ConnectionIdentity> validIdentity(Optional<ConnectionIdentity> identity) {
        return identity.filter(authenticator::isStillValid);
    }
}
