package io.thingbus.event;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free port of 127.0.0.1 that records every request it receives and answers with the status
 * the test chose: {@code failures} times {@code failureStatus}, then 204. Thread-safe.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: its headers (names in lower case) and raw body. */
    record Received(Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private final int failureStatus;

    private WebhookReceiver(int failures, int failureStatus) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        this.failureStatus = failureStatus;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers every request with 204. */
    static WebhookReceiver accepting() throws IOException {
        return new WebhookReceiver(0, 204);
    }

    /** Answers the first {@code failures} requests with {@code status}, then 204. */
    static WebhookReceiver failing(int failures, int status) throws IOException {
        return new WebhookReceiver(failures, status);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            received.add(new Received(headers, new String(body.readAllBytes(), StandardCharsets.UTF_8)));
        }
        int status = failuresLeft.getAndDecrement() > 0 ? failureStatus : 204;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
