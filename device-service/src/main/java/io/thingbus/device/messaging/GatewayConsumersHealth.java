package io.thingbus.device.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the consumers of the gateway API run (lifecycle, attributes, device requests), each one counting as up
 * when it is disabled. The response data says which one is down.
 */
@Readiness
@ApplicationScoped
public class GatewayConsumersHealth implements HealthCheck {

    private final FeatureConsumers consumers;

    public GatewayConsumersHealth(FeatureConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        boolean lifecycleUp = consumers.healthy(KafkaLifecycleConsumer.NAME);
        boolean attributesUp = consumers.healthy(KafkaAttributeConsumer.NAME);
        boolean requestsUp = consumers.healthy(KafkaDeviceRequestConsumer.NAME);
        return HealthCheckResponse.named("gateway-consumers")
                .status(lifecycleUp && attributesUp && requestsUp)
                .withData(KafkaLifecycleConsumer.NAME, lifecycleUp)
                .withData(KafkaAttributeConsumer.NAME, attributesUp)
                .withData(KafkaDeviceRequestConsumer.NAME, requestsUp)
                .build();
    }
}
