package io.thingbus.broker.api;

import io.thingbus.broker.domain.ClaimedDevices;
import io.thingbus.broker.domain.DeviceCredentials;
import io.thingbus.broker.messaging.KafkaAttributePushListener;
import io.thingbus.broker.messaging.KafkaDownlinkListener;
import io.thingbus.broker.mqtt.EmbeddedBroker;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the MQTT listeners are open, the device credentials and the device claims are current (everything
 * published on the credentials and device claims topics before start-up has been read) and the downlink and attribute
 * push listeners have their partitions (records written from then on reach this instance). Before that, a valid device
 * could be refused or miss a command, or a claimed device's data could go to its former owner, so a load balancer must
 * not send devices here.
 */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {

    private final EmbeddedBroker broker;
    private final DeviceCredentials credentials;
    private final ClaimedDevices claims;
    private final KafkaDownlinkListener downlinks;
    private final KafkaAttributePushListener attributes;

    BrokerReadinessCheck(EmbeddedBroker broker, DeviceCredentials credentials, ClaimedDevices claims,
            KafkaDownlinkListener downlinks, KafkaAttributePushListener attributes) {
        this.broker = broker;
        this.credentials = credentials;
        this.claims = claims;
        this.downlinks = downlinks;
        this.attributes = attributes;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mqtt-edge")
                .status(broker.isRunning() && credentials.isCurrent() && claims.isCurrent()
                        && downlinks.isAssigned() && attributes.isAssigned())
                .withData("mqtt-listeners", broker.isRunning())
                .withData("credentials-current", credentials.isCurrent())
                .withData("device-tokens", credentials.size())
                .withData("device-claims-current", claims.isCurrent())
                .withData("claimed-devices", claims.size())
                .withData("downlink-assigned", downlinks.isAssigned())
                .withData("attribute-push-assigned", attributes.isAssigned())
                .build();
    }
}
