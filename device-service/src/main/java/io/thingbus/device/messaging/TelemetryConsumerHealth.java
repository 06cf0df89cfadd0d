package io.thingbus.device.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the telemetry consumer (auto-provisioning) runs, or when it is disabled. */
@Readiness
@ApplicationScoped
public class TelemetryConsumerHealth implements HealthCheck {

    private final FeatureConsumers consumers;

    public TelemetryConsumerHealth(FeatureConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        String name = KafkaTelemetryConsumer.NAME;
        return HealthCheckResponse.named(name).status(consumers.healthy(name)).build();
    }
}
