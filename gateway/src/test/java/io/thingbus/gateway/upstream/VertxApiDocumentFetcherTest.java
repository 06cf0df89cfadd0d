package io.thingbus.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.runtime.configuration.MemorySize;
import io.thingbus.gateway.RecordingUpstream;
import io.thingbus.gateway.RecordingUpstream.Reply;
import io.thingbus.gateway.config.ApiDocumentConfig;
import io.thingbus.gateway.config.UpstreamConfig;
import io.thingbus.gateway.domain.ServiceApiDocument;
import io.thingbus.gateway.domain.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fetcher against real HTTP servers on the loopback interface: the bounds it puts on every fetch. */
class VertxApiDocumentFetcherTest {

    private static final Duration FETCH_TIMEOUT = Duration.ofMillis(800);
    private static final int MAX_BYTES = 2048;
    private static final String SMALL_DOCUMENT = "{\"openapi\": \"3.1.0\", \"paths\": {\"/device\": {}}}";

    private final Vertx vertx = Vertx.vertx();
    private RecordingUpstream upstream;
    private HttpServer tricklingUpstream;

    @AfterEach
    void stop() {
        if (upstream != null) {
            upstream.close();
        }
        if (tricklingUpstream != null) {
            tricklingUpstream.stop(0);
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void documentWithinTheSizeLimit_isFetched() throws Exception {
        upstream = RecordingUpstream.start("device-service");
        upstream.replyTo("/q/openapi", Reply.json(200, padded(SMALL_DOCUMENT, MAX_BYTES)));

        ServiceApiDocument fetched = await(fetcherFor(upstream.url()).fetch(Upstream.DEVICE_SERVICE)).get();

        assertThat(fetched.document().get("paths").has("/device")).isTrue();
    }

    @Test
    void documentLargerThanTheSizeLimit_isRefused_whetherItsLengthIsDeclaredOrNot() {
        upstream = RecordingUpstream.start("device-service");
        VertxApiDocumentFetcher fetcher = fetcherFor(upstream.url());
        byte[] tooLarge = padded(SMALL_DOCUMENT, MAX_BYTES + 1).getBytes(StandardCharsets.UTF_8);
        Map<String, String> json = Map.of("Content-Type", "application/json");

        for (boolean chunked : new boolean[] {false, true}) {
            upstream.replyTo("/q/openapi", new Reply(200, json, tooLarge, chunked));

            assertThat(failureOf(fetcher.fetch(Upstream.DEVICE_SERVICE)))
                    .hasMessageContaining("device-service served a document larger than " + MAX_BYTES + " bytes");
        }
    }

    @Test
    void serviceThatTricklesItsDocument_isGivenUpAtTheFetchTimeout_thoughItIsNeverSilentForThatLong() {
        tricklingUpstream = startTricklingUpstream(Duration.ofMillis(100));
        String url = "http://127.0.0.1:" + tricklingUpstream.getAddress().getPort();
        long started = System.nanoTime();

        Throwable failure = failureOf(fetcherFor(url).fetch(Upstream.DEVICE_SERVICE));

        assertThat(failure).hasMessageContaining("device-service did not serve its whole document within 800 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FETCH_TIMEOUT.multipliedBy(3));
    }

    private VertxApiDocumentFetcher fetcherFor(String url) {
        return new VertxApiDocumentFetcher(vertx, new AllAt(URI.create(url)), new Bounds(), new ObjectMapper());
    }

    /** A service that starts a chunked JSON answer and then sends one blank every {@code pause}, for ten seconds. */
    private static HttpServer startTricklingUpstream(Duration pause) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> trickle(exchange, pause));
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "trickling-upstream");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void trickle(HttpExchange exchange, Duration pause) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"openapi\": \"3.1.0\"".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 100; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(pause.toMillis());
            }
            out.write('}');
        } catch (IOException | InterruptedException gone) {
            // the gateway gave up and reset the connection
        }
    }

    /** {@code document} with blanks added before its closing brace, {@code length} bytes in all. */
    private static String padded(String document, int length) {
        String body = document.substring(0, document.length() - 1);
        return body + " ".repeat(length - document.length()) + "}";
    }

    private static <T> CompletableFuture<T> await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture();
    }

    private static Throwable failureOf(Future<?> fetch) {
        try {
            await(fetch).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("the fetch did not fail in time", e);
        }
        throw new AssertionError("the fetch succeeded");
    }

    private static final class Bounds implements ApiDocumentConfig {

        @Override
        public Duration cacheTtl() {
            return Duration.ofSeconds(60);
        }

        @Override
        public Duration fetchTimeout() {
            return FETCH_TIMEOUT;
        }

        @Override
        public MemorySize maxDocumentSize() {
            return new MemorySize(BigInteger.valueOf(MAX_BYTES));
        }
    }

    /** Every service at the same address. */
    private record AllAt(URI url) implements UpstreamConfig {

        @Override
        public URI deviceServiceUrl() {
            return url;
        }

        @Override
        public URI streamServiceUrl() {
            return url;
        }

        @Override
        public URI eventServiceUrl() {
            return url;
        }

        @Override
        public URI commandServiceUrl() {
            return url;
        }

        @Override
        public URI sessionServiceUrl() {
            return url;
        }

        @Override
        public Duration connectTimeout() {
            return FETCH_TIMEOUT;
        }

        @Override
        public Duration timeout() {
            return FETCH_TIMEOUT;
        }

        @Override
        public int maxConnections() {
            return 4;
        }
    }
}
