package io.thingbus.gateway.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingbus.gateway.domain.Route;
import jakarta.inject.Singleton;

/**
 * Counts the requests the gateway answered, by route and status: {@code thingbus_gateway_requests_total{route,
 * upstream, status}}. {@code route} is the matched prefix ({@code none} when no route matched, so random paths cannot
 * grow the number of series); {@code status} is the HTTP status the caller received, or {@code aborted} when the
 * connection ended before the response did. Thread-safe.
 */
@Singleton
public class GatewayRequestMetrics {

    static final String REQUESTS = "thingbus.gateway.requests";
    private static final String NONE = "none";

    private final MeterRegistry registry;

    public GatewayRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param route the matched route, or null */
    public void count(Route route, String status) {
        Counter.builder(REQUESTS)
                .description("Requests answered by the gateway, by route and status")
                .tag("route", route == null ? NONE : route.prefix())
                .tag("upstream", route == null ? NONE : route.upstream().serviceName())
                .tag("status", status)
                .register(registry)
                .increment();
    }
}
