package io.thingbus.stream.messaging;

import io.thingbus.kafka.ConsumerHealthChecks;
import io.thingbus.kafka.ConsumerLoopHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health of the Kafka consumers ({@code telemetry-consumer}, {@code device-consumer}), as {@link ConsumerLoopHealth}
 * defines it: live while a consumer's thread runs (a dead consumer needs a restart), ready unless it is retrying a
 * batch because the store or Kafka failed. A disabled consumer is always up.
 */
@ApplicationScoped
public class ConsumerHealth {

    @Inject
    ConsumerLifecycle consumers;

    @Produces
    @Liveness
    HealthCheck telemetryLive() {
        return ConsumerHealthChecks.liveness(this::telemetry);
    }

    @Produces
    @Readiness
    HealthCheck telemetryReady() {
        return ConsumerHealthChecks.readiness(this::telemetry);
    }

    @Produces
    @Liveness
    HealthCheck devicesLive() {
        return ConsumerHealthChecks.liveness(this::devices);
    }

    @Produces
    @Readiness
    HealthCheck devicesReady() {
        return ConsumerHealthChecks.readiness(this::devices);
    }

    private ConsumerLoopHealth telemetry() {
        return ConsumerLoopHealth.of(ConsumerLifecycle.TELEMETRY, consumers.telemetry());
    }

    private ConsumerLoopHealth devices() {
        return ConsumerLoopHealth.of(ConsumerLifecycle.DEVICES, consumers.devices());
    }

}
