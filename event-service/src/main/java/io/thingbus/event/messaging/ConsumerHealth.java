package io.thingbus.event.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health of the consumers and the notification workers. Live while their threads run (a dead one needs a restart).
 * Ready unless a consumer is retrying a batch because the database or Kafka failed. A disabled telemetry consumer is
 * always up.
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
        return () -> check("telemetry-consumer", consumers.telemetry(), consumers.telemetryAlive(), false);
    }

    @Produces
    @Readiness
    HealthCheck telemetryReady() {
        return () -> check("telemetry-consumer", consumers.telemetry(), consumers.telemetryAlive(), true);
    }

    @Produces
    @Liveness
    HealthCheck devicesLive() {
        return () -> check("device-feed-consumer", consumers.devices(), consumers.devicesAlive(), false);
    }

    @Produces
    @Readiness
    HealthCheck devicesReady() {
        return () -> check("device-feed-consumer", consumers.devices(), consumers.devicesAlive(), true);
    }

    @Produces
    @Liveness
    HealthCheck channelsLive() {
        return () -> check("channel-feed-consumer", consumers.channels(), consumers.channelsAlive(), false);
    }

    @Produces
    @Readiness
    HealthCheck channelsReady() {
        return () -> check("channel-feed-consumer", consumers.channels(), consumers.channelsAlive(), true);
    }

    @Produces
    @Liveness
    HealthCheck workersLive() {
        return () -> HealthCheckResponse.named("notification-workers").status(workers.alive()).build();
    }

    private static HealthCheckResponse check(String name, Optional<DurableConsumer> consumer, boolean alive,
            boolean readiness) {
        if (consumer.isEmpty()) {
            return HealthCheckResponse.named(name).withData("state", "disabled").up().build();
        }
        DurableConsumer.State state = consumer.get().state();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name)
                .withData("state", state.name().toLowerCase(Locale.ROOT));
        String failure = consumer.get().lastFailure();
        if (!failure.isEmpty()) {
            builder.withData("lastFailure", failure);
        }
        boolean up = alive && (!readiness || state != DurableConsumer.State.RETRYING);
        return builder.status(up).build();
    }
}
