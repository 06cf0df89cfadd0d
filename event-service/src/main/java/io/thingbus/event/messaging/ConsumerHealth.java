package io.thingbus.event.messaging;

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
 * Health of the consumers and the notification workers. The consumers as {@link ConsumerLoopHealth} defines it: live
 * while their threads run (a dead one needs a restart), ready unless retrying a batch because the database or Kafka
 * failed; a disabled telemetry consumer is always up. The workers are live while all their threads run.
 */
@ApplicationScoped
public class ConsumerHealth {

    @Inject
    ConsumerLifecycle consumers;

    @Inject
    NotificationWorkers workers;

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

    @Produces
    @Liveness
    HealthCheck channelsLive() {
        return () -> response(channels(), false);
    }

    @Produces
    @Readiness
    HealthCheck channelsReady() {
        return () -> response(channels(), true);
    }

    @Produces
    @Liveness
    HealthCheck workersLive() {
        return () -> HealthCheckResponse.named("notification-workers").status(workers.alive()).build();
    }

    private ConsumerLoopHealth telemetry() {
        return ConsumerLoopHealth.of(ConsumerLifecycle.TELEMETRY, consumers.telemetry());
    }

    private ConsumerLoopHealth devices() {
        return ConsumerLoopHealth.of(ConsumerLifecycle.DEVICES, consumers.devices());
    }

    private ConsumerLoopHealth channels() {
        return ConsumerLoopHealth.of(ConsumerLifecycle.CHANNELS, consumers.channels());
    }

    private static HealthCheckResponse response(ConsumerLoopHealth health, boolean readiness) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(health.name())
                .status(readiness ? health.ready() : health.live());
        health.data().forEach(builder::withData);
        return builder.build();
    }
}
