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

    private final KafkaLifecycleConsumer lifecycle;
    private final KafkaAttributeConsumer attributes;
    private final KafkaDeviceRequestConsumer requests;

    public GatewayConsumersHealth(KafkaLifecycleConsumer lifecycle, KafkaAttributeConsumer attributes,
                                  KafkaDeviceRequestConsumer requests) {
        this.lifecycle = lifecycle;
        this.attributes = attributes;
        this.requests = requests;
    }

    @Override
    public HealthCheckResponse call() {
        boolean lifecycleUp = lifecycle.healthy();
        boolean attributesUp = attributes.healthy();
        boolean requestsUp = requests.healthy();
        return HealthCheckResponse.named("gateway-consumers")
                .status(lifecycleUp && attributesUp && requestsUp)
                .withData("lifecycle-consumer", lifecycleUp)
                .withData("attributes-consumer", attributesUp)
                .withData("device-requests-consumer", requestsUp)
                .build();
    }
}
