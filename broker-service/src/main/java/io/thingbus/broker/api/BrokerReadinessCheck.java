package io.thingbus.broker.api;

import io.thingbus.broker.domain.DeviceCredentials;
import io.thingbus.broker.messaging.KafkaAttributePushListener;
import io.thingbus.broker.messaging.KafkaDownlinkListener;
import io.thingbus.broker.mqtt.EmbeddedBroker;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the MQTT listeners are open, the device credentials are current (everything published on the
 * credentials topic before start-up has been read) and the downlink and attribute push listeners have their
 * partitions (records written from then on reach this instance). Before that, a valid device could be refused or miss
 * a command, so a load balancer must not send devices here.
 */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {

    private final EmbeddedBroker broker;
    private final DeviceCredentials credentials;
    private final KafkaDownlinkListener downlinks;
    private final KafkaAttributePushListener attributes;

    BrokerReadinessCheck(EmbeddedBroker broker, DeviceCredentials credentials, KafkaDownlinkListener downlinks,
            KafkaAttributePushListener attributes) {
        this.broker = broker;
        this.credentials = credentials;
        this.downlinks = downlinks;
        this.attributes = attributes;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mqtt-edge")
                .status(broker.isRunning() && credentials.isCurrent() && downlinks.isAssigned()
                        && attributes.isAssigned())
                .withData("mqtt-listeners", broker.isRunning())
                .withData("credentials-current", credentials.isCurrent())
                .withData("device-tokens", credentials.size())
                .withData("downlink-assigned", downlinks.isAssigned())
                .withData("attribute-push-assigned", attributes.isAssigned())
                .build();
    }
}
