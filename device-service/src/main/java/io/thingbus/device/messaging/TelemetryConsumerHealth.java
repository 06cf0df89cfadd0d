package io.thingbus.device.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the telemetry consumer (auto-provisioning) runs, or when it is disabled. */
@Readiness
@ApplicationScoped
public class TelemetryConsumerHealth implements HealthCheck {

    private final KafkaTelemetryConsumer consumer;

    public TelemetryConsumerHealth(KafkaTelemetryConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("telemetry-consumer").status(consumer.healthy()).build();
    }
}
