package io.thingbus.broker.api;

import io.thingbus.broker.domain.DeviceCredentials;
import io.thingbus.broker.mqtt.EmbeddedBroker;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the MQTT listeners are open and the device credentials are current (everything published on the
 * credentials topic before start-up has been read). Before that, a valid device could be refused, so a load balancer
 * must not send devices here.
 */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {

    private final EmbeddedBroker broker;
    private final DeviceCredentials credentials;

    BrokerReadinessCheck(EmbeddedBroker broker, DeviceCredentials credentials) {
        this.broker = broker;
        this.credentials = credentials;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mqtt-edge")
                .status(broker.isRunning() && credentials.isCurrent())
                .withData("mqtt-listeners", broker.isRunning())
                .withData("credentials-current", credentials.isCurrent())
                .withData("device-tokens", credentials.size())
                .build();
    }
}
