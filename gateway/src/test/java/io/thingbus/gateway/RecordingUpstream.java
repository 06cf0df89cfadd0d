package io.thingbus.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for one service behind the gateway: records every request it receives (method,
 * raw URI, headers, body bytes) and answers with the reply registered for the path, or by default 200 with a small
 * JSON body naming the service. Thread-safe.
 */
public final class RecordingUpstream implements AutoCloseable {

    /** One request as the upstream received it. Header names are case-insensitive. */
    public record Received(String method, String uri, Map<String, List<String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public String path() {
            int query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }
    }

    /**
     * What the upstream answers; an empty body is sent without one. A chunked reply is sent with
     * {@code Transfer-Encoding: chunked} instead of a {@code Content-Length}.
     */
    public record Reply(int status, Map<String, String> headers, byte[] body, boolean chunked) {

        public Reply(int status, Map<String, String> headers, byte[] body) {
            this(status, headers, body, false);
        }

        public static Reply json(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final String service;
    private final HttpServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();

    private RecordingUpstream(String service, HttpServer server) {
        this.service = service;
        this.server = server;
    }

    public static RecordingUpstream start(String service) {
        return start(service, 0);
    }

    /** @param port the loopback port to listen on; 0 for any free one */
    public static RecordingUpstream start(String service, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            RecordingUpstream upstream = new RecordingUpstream(service, server);
            server.createContext("/", upstream::handle);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, service + "-upstream");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return upstream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests for exactly {@code path} (without query) with {@code reply}. */
    public void replyTo(String path, Reply reply) {
        replies.put(path, reply);
    }

    /** Every request received whose path is {@code path}, in arrival order. */
    public List<Received> receivedFor(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The one request received for {@code path}; fails when there is none or more than one. */
    public Received onlyRequestFor(String path) {
        List<Received> matching = receivedFor(path);
        if (matching.size() != 1) {
            throw new AssertionError(service + " received " + matching.size() + " requests for " + path + ", expected 1");
        }
        return matching.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            String uri = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            received.add(new Received(exchange.getRequestMethod(), uri, headers, body.readAllBytes()));
            answer(exchange, replies.getOrDefault(exchange.getRequestURI().getRawPath(), defaultReply()));
        }
    }

    private Reply defaultReply() {
        return Reply.json(200, "{\"service\":\"" + service + "\"}");
    }

    private static void answer(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean bodyless = reply.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(reply.status(), bodyless ? -1 : reply.chunked() ? 0 : reply.body().length);
        if (!bodyless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
