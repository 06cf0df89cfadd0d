package io.thingbus.device.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the channels consumer runs, or when it is disabled. */
@Readiness
@ApplicationScoped
public class ChannelConsumerHealth implements HealthCheck {

    private final FeatureConsumers consumers;

    public ChannelConsumerHealth(FeatureConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        String name = KafkaChannelConsumer.NAME;
        return HealthCheckResponse.named(name).status(consumers.healthy(name)).build();
    }
}
