package io.thingbus.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingbus.gateway.config.ApiDocumentConfig;
import io.thingbus.gateway.config.UpstreamConfig;
import io.thingbus.gateway.domain.ServiceApiDocument;
import io.thingbus.gateway.domain.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
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
 * <p>Each fetch is bounded: it has {@code thingbus.gateway.api-document.fetch-timeout} in all (connection, request
 * and the whole answer, so a service that trickles its document cannot hold it open), and reads at most
 * {@code max-document-size} bytes. A fetch that passes either bound is abandoned and its connection reset.
 *
 * <p>Threading: {@link #fetch} may be called on any event loop and never blocks.
 */
@Singleton
public class VertxApiDocumentFetcher {

    static final String DOCUMENT_PATH = "/q/openapi";
    static final String DOCUMENT_QUERY = "format=json";

    private final Vertx vertx;
    private final HttpClient client;
    private final UpstreamAddresses addresses;
    private final ObjectMapper json;
    private final Duration timeout;
    private final long maxBytes;

    /**
     * @throws IllegalArgumentException when an upstream URL, the fetch timeout or the largest document size is unusable:
     *     the gateway does not start
     */
    public VertxApiDocumentFetcher(Vertx vertx, UpstreamConfig upstreams, ApiDocumentConfig config, ObjectMapper json) {
        this.vertx = vertx;
        this.addresses = UpstreamAddresses.from(upstreams);
        this.json = json;
        this.timeout = positive(config.fetchTimeout());
        this.maxBytes = positiveSize(config.maxDocumentSize().asLongValue());
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setKeepAlive(true)
                .setVerifyHost(true));
    }

    /**
     * @return completes with the service's document; fails with a message for the log when the service cannot be
     *     reached, has not served its whole document within the fetch timeout, serves more than the largest document
     *     size, answers another status than 200, or answers something that is no OpenAPI 3 document
     */
    public Future<ServiceApiDocument> fetch(Upstream upstream) {
        Promise<Buffer> body = Promise.promise();
        long deadline = vertx.setTimer(timeout.toMillis(), fired -> body.tryFail(new ApiDocumentUnavailableException(
                upstream.serviceName() + " did not serve its whole document within " + timeout.toMillis() + " ms", null)));
        client.request(options(addresses.of(upstream)))
                .onSuccess(request -> exchange(upstream, request, body))
                .onFailure(body::tryFail);
        return body.future()
                .onComplete(done -> vertx.cancelTimer(deadline))
                .map(received -> document(upstream, received))
                .recover(failure -> Future.failedFuture(unavailable(upstream, failure)));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private RequestOptions options(UpstreamAddress address) {
        return new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(address.host())
                .setPort(address.port())
                .setSsl(address.tls())
                .setURI(address.requestUri(DOCUMENT_PATH, DOCUMENT_QUERY))
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis());
    }

    /** Sends the request and reads the answer into {@code body}; a fetch given up for any reason resets the request. */
    private void exchange(Upstream upstream, HttpClientRequest request, Promise<Buffer> body) {
        body.future().onFailure(failure -> request.reset());
        request.send()
                .onSuccess(response -> read(upstream, response, body))
                .onFailure(body::tryFail);
    }

    private void read(Upstream upstream, HttpClientResponse response, Promise<Buffer> body) {
        response.exceptionHandler(body::tryFail);
        if (declaredLength(response) > maxBytes) {
            body.tryFail(tooLarge(upstream));
            return;
        }
        Buffer received = Buffer.buffer();
        response.handler(chunk -> {
            if (received.length() + (long) chunk.length() > maxBytes) {
                body.tryFail(tooLarge(upstream));
            } else if (!body.future().isComplete()) {
                received.appendBuffer(chunk);
            }
        });
        response.endHandler(end -> completeWithStatus(upstream, response.statusCode(), received, body));
    }

    private static void completeWithStatus(Upstream upstream, int status, Buffer received, Promise<Buffer> body) {
        if (status == 200) {
            body.tryComplete(received);
        } else {
            body.tryFail(new ApiDocumentUnavailableException(
                    upstream.serviceName() + " answered " + status + " to " + DOCUMENT_PATH, null));
        }
    }

    private static long declaredLength(HttpClientResponse response) {
        try {
            String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private ApiDocumentUnavailableException tooLarge(Upstream upstream) {
        return new ApiDocumentUnavailableException(upstream.serviceName() + " served a document larger than "
                + maxBytes + " bytes (thingbus.gateway.api-document.max-document-size)", null);
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

    private static Duration positive(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("thingbus.gateway.api-document.fetch-timeout must be positive, was " + duration);
        }
        return duration;
    }

    private static long positiveSize(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException(
                    "thingbus.gateway.api-document.max-document-size must be positive, was " + bytes + " bytes");
        }
        return bytes;
    }
}
