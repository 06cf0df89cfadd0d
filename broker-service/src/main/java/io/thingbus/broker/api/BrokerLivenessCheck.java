package io.thingbus.broker.api;

import io.thingbus.broker.messaging.KafkaAttributePushListener;
import io.thingbus.broker.messaging.KafkaCredentialListener;
import io.thingbus.broker.messaging.KafkaDeviceClaimListener;
import io.thingbus.broker.messaging.KafkaDownlinkListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the credential listener, the device claim listener, the downlink listener and the attribute push
 * listener run. If one died, revocations, claims, commands or shared attributes would no longer reach this instance:
 * restarting it is the cure. Kafka being unreachable does not make the service dead (the listeners keep retrying).
 */
@Liveness
@ApplicationScoped
public class BrokerLivenessCheck implements HealthCheck {

    private final KafkaCredentialListener credentials;
    private final KafkaDeviceClaimListener claims;
    private final KafkaDownlinkListener downlinks;
    private final KafkaAttributePushListener attributes;

    BrokerLivenessCheck(KafkaCredentialListener credentials, KafkaDeviceClaimListener claims,
            KafkaDownlinkListener downlinks, KafkaAttributePushListener attributes) {
        this.credentials = credentials;
        this.claims = claims;
        this.downlinks = downlinks;
        this.attributes = attributes;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-listeners")
                .status(credentials.isRunning() && claims.isRunning() && downlinks.isRunning()
                        && attributes.isRunning())
                .withData("credential-listener", credentials.isRunning())
                .withData("device-claim-listener", claims.isRunning())
                .withData("downlink-listener", downlinks.isRunning())
                .withData("attribute-push-listener", attributes.isRunning())
                .build();
    }
}
