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
import io.thingbus.broker.domain.Refusal;
import io.thingbus.broker.domain.ThingScaleAccessPolicy;
import java.util.Optional;

/**
 * HiveMQ's view of the {@link ThingScaleAccessPolicy}. Subscriptions outside {@code <TOKEN>/} get SUBACK
 * {@code NOT_AUTHORIZED} (MQTT 3.1.1: failure 0x80). Publishes are checked again here because HiveMQ also authorizes
 * will messages with this authorizer (a CONNECT whose will topic is not allowed is refused); ordinary publishes were
 * already decided by the {@link TelemetryForwardingInterceptor}, which runs first. Non-blocking; shared by all
 * connections.
 */
final class ThingScaleTopicAuthorizer implements SubscriptionAuthorizer, PublishAuthorizer {

    private static final String FOREIGN_FILTER = "devices subscribe only to filters below their own device token";

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
                .filter(identity -> policy.allowsSubscription(filter, identity))
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
        Optional<Refusal> refusal = identity.isEmpty()
                ? Optional.of(Refusal.tokenRevoked())
                : policy.refusalForPublish(input.getPublishPacket().getTopic(), identity.get());
        if (refusal.isEmpty()) {
            output.authorizeSuccessfully();
        } else {
            output.failAuthorization(AckReasons.forRefusal(refusal.get().reason()), refusal.get().detail());
        }
    }

    private Optional<ConnectionIdentity> validIdentity(Optional<ConnectionIdentity> identity) {
        return identity.filter(authenticator::isStillValid);
    }
}
