package io.thingbus.gateway.api;

import io.thingbus.gateway.domain.MethodNotAllowedException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * {@code GET /openapi}: the OpenAPI document of the whole REST API as callers reach it through the gateway
 * ({@link CachedApiDocument}), for Swagger UI and client generators. JSON, or YAML when asked for
 * ({@link ApiDocumentFormat}), copied from the bytes written once per build. Needs no API key: it is documentation and holds no tenant's data. Answers 200 also
 * when services could not be asked (their paths are missing then, and named in {@code x-thingbus-unavailable}).
 *
 * <p>Runs on an event loop; never blocks. The answer is written on the request's own event loop.
 */
@Singleton
public class ApiDocumentEndpoint {

    public static final String PATH = "/openapi";
    private static final List<String> ALLOWED = List.of("GET", "HEAD");

    private final CachedApiDocument document;
    private final GatewayProblemMapper problems;

    public ApiDocumentEndpoint(CachedApiDocument document, GatewayProblemMapper problems) {
        this.document = document;
        this.problems = problems;
    }

    /** Whether {@code path} (normalised) is the document's path. */
    public boolean answers(String path) {
        return PATH.equals(path);
    }

    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            problems.respond(ctx, new MethodNotAllowedException(request.method().name(), PATH, ALLOWED));
            return;
        }
        ApiDocumentFormat format = ApiDocumentFormat.requested(request.getParam("format"),
                request.getHeader(HttpHeaders.ACCEPT));
        Context requestContext = ctx.vertx().getOrCreateContext();
        document.current().onComplete(built -> requestContext.runOnContext(ignored -> respond(ctx, format, built)));
    }

    private void respond(RoutingContext ctx, ApiDocumentFormat format, AsyncResult<SerialisedApiDocument> built) {
        if (ctx.response().closed()) {
            return;
        }
        if (built.failed()) {
            problems.respond(ctx, built.cause());
            return;
        }
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, format.mediaType())
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .end(Buffer.buffer(built.result().in(format)));
    }
}
