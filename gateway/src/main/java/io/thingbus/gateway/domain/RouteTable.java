package io.thingbus.gateway.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which service answers which path. Immutable and thread-safe. */
public final class RouteTable {

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        // longest prefix first, so a nested prefix added later wins over its parent
        this.routes = routes.stream().sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()).toList();
    }

    /** The public REST API of the suite: every prefix and its service (docs/api/gateway.md lists the same). */
    public static RouteTable standard() {
        return new RouteTable(List.of(
                new Route("/device", Upstream.DEVICE_SERVICE, Access.API_KEY),
                new Route("/user", Upstream.DEVICE_SERVICE, Access.API_KEY),
                new Route("/claim", Upstream.DEVICE_SERVICE, Access.API_KEY),
                new Route("/admin", Upstream.DEVICE_SERVICE, Access.OPERATOR),
                new Route("/stream", Upstream.STREAM_SERVICE, Access.API_KEY),
                new Route("/channel", Upstream.STREAM_SERVICE, Access.API_KEY),
                new Route("/event", Upstream.EVENT_SERVICE, Access.API_KEY),
                new Route("/publish", Upstream.COMMAND_SERVICE, Access.API_KEY),
                new Route("/command", Upstream.COMMAND_SERVICE, Access.API_KEY),
                new Route("/rpc", Upstream.COMMAND_SERVICE, Access.API_KEY),
                new Route("/session", Upstream.SESSION_SERVICE, Access.API_KEY)));
    }

    /**
     * The route for a normalised request path (no query string, no dot segments).
     *
     * @throws NoRouteException when no prefix matches
     */
    public Route find(String path) {
        return lookup(path).orElseThrow(() -> new NoRouteException(path));
    }

    /** The route for {@code path}, or empty; never throws. */
    public Optional<Route> lookup(String path) {
        return routes.stream().filter(route -> route.matches(path)).findFirst();
    }

    public List<Route> routes() {
        return routes;
    }
}
