package io.thingbus.kafka;

import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Turns a {@link ConsumerLoopHealth} into MicroProfile health checks, the same in every service: a service produces
 * {@code @Liveness ConsumerHealthChecks.liveness(...)} and {@code @Readiness ConsumerHealthChecks.readiness(...)} for
 * each of its consumer loops. The supplier is asked on every check, so the answer is always current.
 */
public final class ConsumerHealthChecks {

    private ConsumerHealthChecks() {
    }

    public static HealthCheck liveness(Supplier<ConsumerLoopHealth> health) {
        return () -> response(health.get(), false);
    }

    public static HealthCheck readiness(Supplier<ConsumerLoopHealth> health) {
        return () -> response(health.get(), true);
    }

    static HealthCheckResponse response(ConsumerLoopHealth health, boolean readiness) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(health.name())
                .status(readiness ? health.ready() : health.live());
        health.data().forEach(builder::withData);
        return builder.build();
    }
}
