package io.thingbus.broker.api;

import io.thingbus.broker.messaging.KafkaCredentialListener;
import io.thingbus.broker.messaging.KafkaDownlinkListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the credential listener and the downlink listener run. If one died, revocations or commands would no
 * longer reach this instance: restarting it is the cure. Kafka being unreachable does not make the service dead (the
 * listeners keep retrying).
 */
@Liveness
@ApplicationScoped
public class BrokerLivenessCheck implements HealthCheck {

    private final KafkaCredentialListener credentials;
    private final KafkaDownlinkListener downlinks;

    BrokerLivenessCheck(KafkaCredentialListener credentials, KafkaDownlinkListener downlinks) {
        this.credentials = credentials;
        this.downlinks = downlinks;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-listeners")
                .status(credentials.isRunning() && downlinks.isRunning())
                .withData("credential-listener", credentials.isRunning())
                .withData("downlink-listener", downlinks.isRunning())
                .build();
    }
}
