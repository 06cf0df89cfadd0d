package io.thingbus.command.messaging;

import io.thingbus.command.persistence.PgRpcAnswerListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the RPC dispatcher: UP while its thread runs (queued RPCs are then sent, expired and timed out). The
 * check's data say whether the last sweep failed and whether answer notifications are being received.
 */
@ApplicationScoped
public class RpcDispatcherHealth {

    private static final String NAME = "rpc-dispatcher";

    @Inject
    RpcDispatchLoop dispatchLoop;

    @Inject
    PgRpcAnswerListener answerListener;

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME)
                    .status(dispatchLoop.alive())
                    .withData("answerNotifications", answerListener.listening() ? "listening" : "reconnecting");
            String failure = dispatchLoop.lastFailure();
            return (failure.isEmpty() ? builder : builder.withData("lastFailure", failure)).build();
        };
    }
}
