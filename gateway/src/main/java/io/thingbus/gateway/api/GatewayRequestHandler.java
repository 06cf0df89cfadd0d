package io.thingbus.gateway.api;

import io.thingbus.contracts.TenantId;
import io.thingbus.gateway.domain.Access;
import io.thingbus.gateway.domain.AdmissionPolicy;
import io.thingbus.gateway.domain.ApiKeyAuthenticator;
import io.thingbus.gateway.domain.Caller;
import io.thingbus.gateway.domain.ClientOrigin;
import io.thingbus.gateway.domain.ForwardedHeaders;
import io.thingbus.gateway.domain.HeaderField;
import io.thingbus.gateway.domain.NoRouteException;
import io.thingbus.gateway.domain.Route;
import io.thingbus.gateway.domain.RouteTable;
import io.thingbus.gateway.upstream.VertxUpstreamForwarder;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Handles one request of the public REST API: finds its route, authenticates the caller where the route needs an
 * API key, asks the {@link AdmissionPolicy}, and forwards it with the headers {@link ForwardedHeaders} decides.
 * Every refusal and failure is answered by {@link GatewayProblemMapper}. Runs on an event loop; never blocks.
 */
@Singleton
public class GatewayRequestHandler implements Handler<RoutingContext> {

    private final RouteTable routes;
    private final ApiKeyAuthenticator authenticator;
    private final AdmissionPolicy admission;
    private final VertxUpstreamForwarder forwarder;
    private final GatewayProblemMapper problems;
    private final GatewayRequestMetrics metrics;

    public GatewayRequestHandler(RouteTable routes, ApiKeyAuthenticator authenticator, AdmissionPolicy admission,
            VertxUpstreamForwarder forwarder, GatewayProblemMapper problems, GatewayRequestMetrics metrics) {
        this.routes = routes;
        this.authenticator = authenticator;
        this.admission = admission;
        this.forwarder = forwarder;
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Route route = routes.lookup(path).orElse(null);
        ctx.addEndHandler(ended -> metrics.count(route,
                ended.succeeded() ? Integer.toString(ctx.response().getStatusCode()) : "aborted"));
        try {
            if (route == null) {
                throw new NoRouteException(path);
            }
            List<HeaderField> headers = ForwardedHeaders.towardsUpstream(
                    fields(ctx.request()), tenantFor(ctx.request(), route), origin(ctx.request()));
            forwarder.forward(ctx, route.upstream(), path, headers)
                    .onFailure(failure -> problems.respond(ctx, failure));
        } catch (RuntimeException e) {
            problems.respond(ctx, e);
        }
    }

    /** The tenant to tell the upstream, or null on an operator route (which needs no API key). */
    private TenantId tenantFor(HttpServerRequest request, Route route) {
        if (route.access() == Access.OPERATOR) {
            return null;
        }
        Caller caller = authenticator.authenticate(
                request.getHeader(ForwardedHeaders.API_KEY), request.getHeader(ForwardedHeaders.AUTHORIZATION));
        admission.admit(caller, route);
        return caller.tenant();
    }

    private static List<HeaderField> fields(HttpServerRequest request) {
        return request.headers().entries().stream().map(e -> new HeaderField(e.getKey(), e.getValue())).toList();
    }

    private static ClientOrigin origin(HttpServerRequest request) {
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new ClientOrigin(address, request.getHeader("Host"), request.scheme());
    }
}
