package io.thingbus.event.messaging;

import io.thingbus.kafka.ConsumerHealthChecks;
import io.thingbus.kafka.ConsumerLoopHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
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

    @Produces
    @Liveness
    HealthCheck channelsLive() {
        return ConsumerHealthChecks.liveness(this::channels);
    }

    @Produces
    @Readiness
    HealthCheck channelsReady() {
        return ConsumerHealthChecks.readiness(this::channels);
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

}
