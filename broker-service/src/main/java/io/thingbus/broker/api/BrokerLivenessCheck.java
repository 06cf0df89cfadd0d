package io.thingbus.broker.api;

import io.thingbus.broker.messaging.KafkaCredentialListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the credential listener runs. If it died, revocations would no longer reach this instance: restarting
 * it is the cure. Kafka being unreachable does not make the service dead (the listener keeps retrying).
 */
@Liveness
@ApplicationScoped
public class BrokerLivenessCheck implements HealthCheck {

    private final KafkaCredentialListener listener;

    BrokerLivenessCheck(KafkaCredentialListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("credential-listener").status(listener.isRunning()).build();
    }
}
