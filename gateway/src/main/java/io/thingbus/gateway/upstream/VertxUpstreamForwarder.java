package io.thingbus.gateway.upstream;

import io.quarkus.runtime.Startup;
import io.thingbus.gateway.config.UpstreamConfig;
import io.thingbus.gateway.domain.GatewayException;
import io.thingbus.gateway.domain.HeaderField;
import io.thingbus.gateway.domain.Upstream;
import io.thingbus.gateway.domain.UpstreamTimeoutException;
import io.thingbus.gateway.domain.UpstreamUnreachableException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Forwards one caller's request to an upstream service over HTTP/1.1 and relays the answer unchanged: status, headers
 * (minus hop-by-hop ones) and body. Bodies stream in both directions with back-pressure; nothing is buffered whole.
 * Connections to each upstream are pooled and kept alive.
 *
 * <p>Threading: {@link #forward} is called on the caller's event loop and never blocks; every callback runs on that
 * same event loop.
 */
@Startup
@Singleton
public class VertxUpstreamForwarder {

    private static final Logger LOG = Logger.getLogger(VertxUpstreamForwarder.class);
    private static final String CONTINUE = "100-continue";

    private final HttpClient client;
    private final UpstreamAddresses addresses;
    private final long connectTimeoutMillis;
    private final long idleTimeoutMillis;

    /** @throws IllegalArgumentException when an upstream URL or a timeout is unusable: the gateway does not start */
    public VertxUpstreamForwarder(Vertx vertx, UpstreamConfig config) {
        this.addresses = UpstreamAddresses.from(config);
        this.connectTimeoutMillis = positiveMillis("thingbus.gateway.upstream.connect-timeout", config.connectTimeout());
        this.idleTimeoutMillis = positiveMillis("thingbus.gateway.upstream.timeout", config.timeout());
        if (config.maxConnections() < 1) {
            throw new IllegalArgumentException("thingbus.gateway.upstream.max-connections must be at least 1");
        }
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeoutMillis))
                .setKeepAlive(true)
                .setVerifyHost(true);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.maxConnections()));
    }

    /**
     * Sends the request of {@code ctx} to {@code upstream} and relays the upstream's response to the caller.
     *
     * @param path the normalised path to request (the upstream's base path is put in front); the caller's raw query
     *     string is appended unchanged
     * @param headers exactly the headers the upstream receives
     * @return completes once the response is relayed, or once the caller's connection was reset because the upstream
     *     broke off in the middle of its body; fails with {@link UpstreamUnreachableException} or
     *     {@link UpstreamTimeoutException} when nothing was sent to the caller yet (who then still needs an answer)
     */
    public Future<Void> forward(RoutingContext ctx, Upstream upstream, String path, List<HeaderField> headers) {
        UpstreamAddress address = addresses.of(upstream);
        RequestOptions options = new RequestOptions()
                .setMethod(ctx.request().method())
                .setHost(address.host())
                .setPort(address.port())
                .setSsl(address.tls())
                .setURI(address.requestUri(path, ctx.request().query()))
                .setHeaders(multiMap(headers))
                .setConnectTimeout(connectTimeoutMillis);
        return client.request(options)
                .transform(connected -> connected.succeeded()
                        ? send(ctx, connected.result(), upstream)
                        : Future.failedFuture(new UpstreamUnreachableException(upstream, connected.cause())))
                .compose(response -> relay(ctx, response, upstream));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private Future<HttpClientResponse> send(RoutingContext ctx, HttpClientRequest request, Upstream upstream) {
        HttpServerRequest caller = ctx.request();
        ctx.response().closeHandler(closed -> request.reset());
        if (hasBody(caller)) {
            streamBody(ctx, request).onSuccess(sent -> request.idleTimeout(idleTimeoutMillis));
        } else {
            request.end();
            request.idleTimeout(idleTimeoutMillis);
        }
        return request.response().recover(failure -> Future.failedFuture(failed(upstream, failure)));
    }

    /** Completes once the whole body was written upstream; a failed upload resets the upstream request. */
    private static Future<Void> streamBody(RoutingContext ctx, HttpClientRequest request) {
        if (!request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            request.setChunked(true);
        }
        if (CONTINUE.equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        // never end the upstream request on a broken upload: a truncated body must not look complete
        return ctx.request().pipe().endOnFailure(false).to(request)
                .onFailure(failure -> request.reset(0, failure));
    }

    private Future<Void> relay(RoutingContext ctx, HttpClientResponse response, Upstream upstream) {
        HttpServerResponse out = ctx.response();
        if (out.closed()) {
            response.request().reset();
            return Future.succeededFuture();
        }
        out.setStatusCode(response.statusCode());
        if (response.statusMessage() != null) {
            out.setStatusMessage(response.statusMessage());
        }
        ResponseHeaders.copy(response.headers(), out.headers());
        if (mayHaveBody(ctx.request().method(), response.statusCode()) && !out.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            out.setChunked(true);
        }
        return response.pipe().endOnFailure(false).to(out)
                .recover(failure -> abort(ctx, upstream, failure));
    }

    private static Future<Void> abort(RoutingContext ctx, Upstream upstream, Throwable failure) {
        LOG.warnf("%s broke off while its response to %s %s was relayed; the caller's connection is reset: %s",
                upstream.serviceName(), ctx.request().method(), ctx.normalizedPath(), failure.toString());
        ctx.response().reset();
        return Future.succeededFuture();
    }

    private static GatewayException failed(Upstream upstream, Throwable failure) {
        return failure instanceof TimeoutException
                ? new UpstreamTimeoutException(upstream, failure)
                : new UpstreamUnreachableException(upstream, failure);
    }

    private static boolean hasBody(HttpServerRequest caller) {
        if (caller.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return true;
        }
        String length = caller.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.trim().equals("0");
    }

    private static boolean mayHaveBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }

    private static MultiMap multiMap(List<HeaderField> headers) {
        MultiMap map = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(field -> map.add(field.name(), field.value()));
        return map;
    }

    private static long positiveMillis(String setting, java.time.Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, was " + duration);
        }
        return duration.toMillis();
    }
}
