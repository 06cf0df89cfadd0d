package io.thingbus.gateway;

import io.thingbus.gateway.RecordingUpstream.Reply;
import io.thingbus.gateway.domain.Upstream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Services behind the gateway that serve small OpenAPI documents ({@code api-documents/<service>.json}) at
 * {@code /q/openapi}. session-service is down at first: nothing listens on its port until {@link #startSessionService}.
 * Started once per test JVM; thread-safe.
 */
public final class DocumentingUpstreams {

    private static Map<Upstream, RecordingUpstream> running;
    private static int sessionPort;

    private DocumentingUpstreams() {
    }

    /** The base URL the gateway is configured with for {@code upstream}. */
    public static synchronized String url(Upstream upstream) {
        startOnce();
        return upstream == Upstream.SESSION_SERVICE ? "http://127.0.0.1:" + sessionPort : running.get(upstream).url();
    }

    /** The running upstream; fails for session-service while it is down. */
    public static synchronized RecordingUpstream of(Upstream upstream) {
        startOnce();
        RecordingUpstream upstreamServer = running.get(upstream);
        if (upstreamServer == null) {
            throw new IllegalStateException(upstream.serviceName() + " is down");
        }
        return upstreamServer;
    }

    /** Starts session-service on its port, serving its document. */
    public static synchronized void startSessionService() {
        startOnce();
        running.put(Upstream.SESSION_SERVICE, documenting(Upstream.SESSION_SERVICE, sessionPort));
    }

    /** Takes session-service down again: its port refuses connections. */
    public static synchronized void stopSessionService() {
        RecordingUpstream session = running.remove(Upstream.SESSION_SERVICE);
        if (session != null) {
            session.close();
        }
    }

    private static void startOnce() {
        if (running != null) {
            return;
        }
        running = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            if (upstream != Upstream.SESSION_SERVICE) {
                running.put(upstream, documenting(upstream, 0));
            }
        }
        sessionPort = freePort();
    }

    private static RecordingUpstream documenting(Upstream upstream, int port) {
        RecordingUpstream server = RecordingUpstream.start(upstream.serviceName(), port);
        server.replyTo("/q/openapi", Reply.json(200, document(upstream)));
        return server;
    }

    private static String document(Upstream upstream) {
        String resource = "/api-documents/" + upstream.serviceName() + ".json";
        try (InputStream in = DocumentingUpstreams.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
