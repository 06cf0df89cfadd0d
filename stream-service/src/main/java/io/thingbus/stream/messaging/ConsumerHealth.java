package io.thingbus.stream.messaging;

import io.thingbus.kafka.ConsumerLoopHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
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
        return () -> response(telemetry(), false);
    }

    @Produces
    @Readiness
    HealthCheck telemetryReady() {
        return () -> response(telemetry(), true);
    }

    @Produces
    @Liveness
    HealthCheck devicesLive() {
        return () -> response(devices(), false);
    }

    @Produces
    @Readiness
    HealthCheck devicesReady() {
        return () -> response(devices(), true);
    }

    private ConsumerLoopHealth telemetry() {
        return ConsumerLoopHealth.of(ConsumerLifecycle.TELEMETRY, consumers.telemetry());
    }

    private ConsumerLoopHealth devices() {
        return ConsumerLoopHealth.of(ConsumerLifecycle.DEVICES, consumers.devices());
    }

    private static HealthCheckResponse response(ConsumerLoopHealth health, boolean readiness) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(health.name())
                .status(readiness ? health.ready() : health.live());
        health.data().forEach(builder::withData);
        return builder.build();
    }
}
