package io.thingbus.stream.messaging;

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
 * Health of the Kafka consumers ({@code telemetry-consumer}, {@code device-consumer}). Live while a consumer's thread
 * runs (a dead consumer needs a restart). Ready unless it is retrying a batch because the store or Kafka failed. A
 * disabled consumer is always up.
 */
@ApplicationScoped
public class ConsumerHealth {

    private static final String TELEMETRY = "telemetry-consumer";
    private static final String DEVICES = "device-consumer";

    @Inject
    TelemetryConsumerLifecycle telemetry;

    @Inject
    DeviceConsumerLifecycle devices;

    @Produces
    @Liveness
    HealthCheck telemetryLive() {
        return () -> check(TELEMETRY, telemetry.consumer(), telemetry.alive(), false);
    }

    @Produces
    @Readiness
    HealthCheck telemetryReady() {
        return () -> check(TELEMETRY, telemetry.consumer(), telemetry.alive(), true);
    }

    @Produces
    @Liveness
    HealthCheck devicesLive() {
        return () -> check(DEVICES, devices.consumer(), devices.alive(), false);
    }

    @Produces
    @Readiness
    HealthCheck devicesReady() {
        return () -> check(DEVICES, devices.consumer(), devices.alive(), true);
    }

    /** @param readiness whether retrying counts as down (readiness) or not (liveness) */
    private static HealthCheckResponse check(String name, Optional<? extends ConsumerStatus> consumer, boolean alive,
            boolean readiness) {
        if (consumer.isEmpty()) {
            return HealthCheckResponse.named(name).withData("state", "disabled").up().build();
        }
        ConsumerStatus status = consumer.get();
        boolean up = alive && !(readiness && status.state() == ConsumerState.RETRYING);
        return describe(name, status).status(up).build();
    }

    private static HealthCheckResponseBuilder describe(String name, ConsumerStatus status) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name)
                .withData("state", status.state().name().toLowerCase(Locale.ROOT));
        String failure = status.lastFailure();
        return failure.isEmpty() ? builder : builder.withData("lastFailure", failure);
    }
}
