package io.thingbus.command;

import io.quarkus.runtime.StartupEvent;
import io.thingbus.command.config.PublishConfig;
import io.thingbus.command.domain.DevicePublisher;
import io.thingbus.command.domain.StateProjection;
import io.thingbus.command.messaging.KafkaDownlinkSender;
import io.thingbus.command.persistence.JdbcDeviceDirectory;
import io.thingbus.command.persistence.JdbcSessionDirectory;
import io.thingbus.command.persistence.JdbcStateStore;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Builds the framework-free domain objects from their adapters, and checks the settings at start-up. */
@Singleton
public class ServiceWiring {

    /** Below Kafka's default record limit (1 MB), headers included. */
    static final int MAX_PAYLOAD_LIMIT = 1_000_000;
    static final Duration MIN_DELIVERY_TIMEOUT = Duration.ofSeconds(2);

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    StateProjection stateProjection(JdbcStateStore store) {
        return new StateProjection(store);
    }

    @Produces
    @Singleton
    DevicePublisher devicePublisher(JdbcDeviceDirectory devices, JdbcSessionDirectory sessions,
            KafkaDownlinkSender sender, Clock clock, PublishConfig config) {
        return new DevicePublisher(devices, sessions, sender, clock, config.maxPayloadBytes());
    }

    void checkPublishSettings(@Observes StartupEvent event, PublishConfig config) {
        if (config.maxPayloadBytes() < 1 || config.maxPayloadBytes() > MAX_PAYLOAD_LIMIT) {
            throw new IllegalStateException("thingbus.command.publish.max-payload-bytes must be 1 to "
                    + MAX_PAYLOAD_LIMIT + " (got " + config.maxPayloadBytes() + ")");
        }
        if (config.deliveryTimeout().compareTo(MIN_DELIVERY_TIMEOUT) < 0
                || config.deliveryTimeout().toMillis() > Integer.MAX_VALUE) {
            throw new IllegalStateException("thingbus.command.publish.delivery-timeout must be at least "
                    + MIN_DELIVERY_TIMEOUT.toSeconds() + "s (got " + config.deliveryTimeout() + ")");
        }
    }
}
