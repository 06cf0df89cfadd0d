package io.thingbus.session.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health of the lifecycle consumer. Live while its thread runs (a dead consumer needs a restart). Ready unless it is
 * retrying a batch because the database or Kafka failed. A disabled consumer is always up.
 */
@ApplicationScoped
public class LifecycleConsumerHealth {

    private static final String NAME = "lifecycle-consumer";

    @Inject
    LifecycleConsumerLifecycle lifecycle;

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> lifecycle.consumer()
                .map(consumer -> describe(consumer).status(lifecycle.alive()).build())
                .orElseGet(LifecycleConsumerHealth::disabled);
    }

    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> lifecycle.consumer()
                .map(consumer -> describe(consumer)
                        .status(lifecycle.alive() && consumer.state() != KafkaLifecycleConsumer.State.RETRYING)
                        .build())
                .orElseGet(LifecycleConsumerHealth::disabled);
    }

    private static HealthCheckResponseBuilder describe(KafkaLifecycleConsumer consumer) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME)
                .withData("state", consumer.state().name().toLowerCase(Locale.ROOT));
        String failure = consumer.lastFailure();
        return failure.isEmpty() ? builder : builder.withData("lastFailure", failure);
    }

    private static HealthCheckResponse disabled() {
        return HealthCheckResponse.named(NAME).withData("state", "disabled").up().build();
    }
}
