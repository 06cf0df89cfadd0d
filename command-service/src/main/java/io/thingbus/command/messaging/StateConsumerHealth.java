package io.thingbus.command.messaging;

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
 * Health of the state consumer. Live while its thread runs (a dead consumer needs a restart). Ready unless it is
 * retrying a batch because the database or Kafka failed. A disabled consumer is always up.
 */
@ApplicationScoped
public class StateConsumerHealth {

    private static final String NAME = "state-consumer";

    @Inject
    StateConsumerLifecycle lifecycle;

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> lifecycle.consumer()
                .map(consumer -> describe(consumer).status(lifecycle.alive()).build())
                .orElseGet(StateConsumerHealth::disabled);
    }

    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> lifecycle.consumer()
                .map(consumer -> describe(consumer)
                        .status(lifecycle.alive() && consumer.state() != KafkaStateConsumer.State.RETRYING)
                        .build())
                .orElseGet(StateConsumerHealth::disabled);
    }

    private static HealthCheckResponseBuilder describe(KafkaStateConsumer consumer) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME)
                .withData("state", consumer.state().name().toLowerCase(Locale.ROOT));
        String failure = consumer.lastFailure();
        return failure.isEmpty() ? builder : builder.withData("lastFailure", failure);
    }

    private static HealthCheckResponse disabled() {
        return HealthCheckResponse.named(NAME).withData("state", "disabled").up().build();
    }
}
