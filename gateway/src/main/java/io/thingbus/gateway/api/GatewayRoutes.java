package io.thingbus.gateway.api;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts the gateway on the HTTP server: {@code /openapi} goes to {@link ApiDocumentEndpoint}, and every other path
 * except the gateway's own {@code /q/*} endpoints (health, metrics, the gateway's own OpenAPI) to
 * {@link GatewayRequestHandler}. No body handler is installed, so request bodies stream through.
 */
@Singleton
public class GatewayRoutes {

    private final GatewayRequestHandler handler;
    private final ApiDocumentEndpoint apiDocument;
    private final String ownPrefix;

    public GatewayRoutes(GatewayRequestHandler handler, ApiDocumentEndpoint apiDocument,
            @ConfigProperty(name = "quarkus.http.non-application-root-path") String nonApplicationRoot) {
        this.handler = handler;
        this.apiDocument = apiDocument;
        this.ownPrefix = "/" + nonApplicationRoot.replaceAll("^/+|/+$", "");
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::dispatch);
    }

    private void dispatch(RoutingContext ctx) {
        if (isOwn(ctx.normalizedPath())) {
            ctx.next();
        } else if (apiDocument.answers(ctx.normalizedPath())) {
            apiDocument.handle(ctx);
        } else {
            handler.handle(ctx);
        }
    }

    boolean isOwn(String path) {
        return path.equals(ownPrefix) || path.startsWith(ownPrefix + "/");
    }
}
