package io.thingbus.session.messaging;

import io.thingbus.kafka.ConsumerHealthChecks;
import io.thingbus.kafka.ConsumerLoopHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health of the lifecycle consumer ({@link ConsumerLoopHealth}): live while its thread runs (a dead consumer needs a
 * restart), ready unless it is retrying a batch because the database or Kafka failed. A disabled consumer is up.
 */
@ApplicationScoped
public class LifecycleConsumerHealth {

    @Inject
    LifecycleConsumerLifecycle lifecycle;

    @Produces
    @Liveness
    HealthCheck live() {
        return ConsumerHealthChecks.liveness(lifecycle::health);
    }

    @Produces
    @Readiness
    HealthCheck ready() {
        return ConsumerHealthChecks.readiness(lifecycle::health);
    }

}
