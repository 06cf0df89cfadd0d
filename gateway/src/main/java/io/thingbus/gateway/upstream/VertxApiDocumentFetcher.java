package io.thingbus.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingbus.gateway.config.ApiDocumentConfig;
import io.thingbus.gateway.config.UpstreamConfig;
import io.thingbus.gateway.domain.ServiceApiDocument;
import io.thingbus.gateway.domain.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;

/**
 * Fetches the OpenAPI document a service serves about itself, {@code /q/openapi?format=json}, from the address the
 * gateway forwards that service's requests to (its base path in front). The request carries no tenant and no
 * credentials.
 *
 * <p>Threading: {@link #fetch} may be called on any event loop and never blocks; its future completes on that event
 * loop.
 */
@Singleton
public class VertxApiDocumentFetcher {

    static final String DOCUMENT_PATH = "/q/openapi";
    static final String DOCUMENT_QUERY = "format=json";

    private final HttpClient client;
    private final UpstreamAddresses addresses;
    private final ObjectMapper json;
    private final long timeoutMillis;

    /** @throws IllegalArgumentException when an upstream URL or the fetch timeout is unusable: the gateway does not start */
    public VertxApiDocumentFetcher(Vertx vertx, UpstreamConfig upstreams, ApiDocumentConfig config, ObjectMapper json) {
        this.addresses = UpstreamAddresses.from(upstreams);
        this.json = json;
        this.timeoutMillis = positiveMillis(config.fetchTimeout());
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .setKeepAlive(true)
                .setVerifyHost(true));
    }

    /**
     * @return completes with the service's document; fails with a message for the log when the service cannot be
     *     reached, stays silent for the fetch timeout, answers another status than 200, or answers something that is
     *     no OpenAPI 3 document
     */
    public Future<ServiceApiDocument> fetch(Upstream upstream) {
        UpstreamAddress address = addresses.of(upstream);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(address.host())
                .setPort(address.port())
                .setSsl(address.tls())
                .setURI(address.requestUri(DOCUMENT_PATH, DOCUMENT_QUERY))
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> bodyOf(upstream, response))
                .map(body -> document(upstream, body))
                .recover(failure -> Future.failedFuture(unavailable(upstream, failure)));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private static Future<Buffer> bodyOf(Upstream upstream, HttpClientResponse response) {
        return response.body().compose(body -> response.statusCode() == 200
                ? Future.succeededFuture(body)
                : Future.failedFuture(new ApiDocumentUnavailableException(
                        upstream.serviceName() + " answered " + response.statusCode() + " to " + DOCUMENT_PATH, null)));
    }

    private ServiceApiDocument document(Upstream upstream, Buffer body) {
        JsonNode tree;
        try {
            tree = json.readTree(body.getBytes());
        } catch (IOException e) {
            throw new ApiDocumentUnavailableException(upstream.serviceName() + " answered no JSON: " + e.getMessage(), null);
        }
        try {
            return new ServiceApiDocument(upstream, tree);
        } catch (IllegalArgumentException e) {
            throw new ApiDocumentUnavailableException(e.getMessage(), null);
        }
    }

    private static ApiDocumentUnavailableException unavailable(Upstream upstream, Throwable failure) {
        return failure instanceof ApiDocumentUnavailableException known
                ? known
                : new ApiDocumentUnavailableException(upstream.serviceName() + " did not serve its document: " + failure, failure);
    }

    private static long positiveMillis(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("thingbus.gateway.api-document.fetch-timeout must be positive, was " + duration);
        }
        return duration.toMillis();
    }
}
