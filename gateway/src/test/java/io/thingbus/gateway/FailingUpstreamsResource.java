package io.thingbus.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.thingbus.gateway.domain.Upstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Upstreams that fail: command-service accepts connections and reads requests but never answers; every other
 * service's port has nothing listening.
 */
public class FailingUpstreamsResource implements QuarkusTestResourceLifecycleManager {

    private ServerSocket silent;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        int closedPort = closedPort();
        silent = silentServer();
        Map<String, String> config = new HashMap<>();
        for (Upstream upstream : Upstream.values()) {
            int port = upstream == Upstream.COMMAND_SERVICE ? silent.getLocalPort() : closedPort;
            config.put("thingbus.gateway.upstream." + upstream.serviceName() + "-url", "http://127.0.0.1:" + port);
        }
        return config;
    }

    @Override
    public void stop() {
        try {
            silent.close();
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ServerSocket silentServer() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> acceptForever(server), "silent-upstream");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptForever(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                held.add(server.accept());
            } catch (IOException e) {
                return;
            }
        }
    }
}
