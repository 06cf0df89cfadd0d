package io.thingbus.device.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the channels consumer runs, or when it is disabled. */
@Readiness
@ApplicationScoped
public class ChannelConsumerHealth implements HealthCheck {

    private final KafkaChannelConsumer consumer;

    public ChannelConsumerHealth(KafkaChannelConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("channels-consumer").status(consumer.healthy()).build();
    }
}
