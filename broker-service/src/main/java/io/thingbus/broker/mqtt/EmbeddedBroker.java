package io.thingbus.broker.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.broker.config.BrokerConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The embedded HiveMQ CE broker with the Thingbus extension. It resolves the listeners (TLS key material included,
 * see {@link ConfiguredListeners}), writes HiveMQ's {@code config.xml} into {@code <data-dir>/conf}, starts HiveMQ
 * when Quarkus starts and stops it when Quarkus stops. Start-up fails (and with it the service) when the TLS
 * configuration is inconsistent, a listener's port is taken or does not open, HiveMQ does not start, or the extension
 * does not register: the edge never runs without authentication or on fewer listeners than configured.
 */
@Singleton
public class EmbeddedBroker {

    /** The HTTP path of the MQTT over WebSocket listener. */
    public static final String WEBSOCKET_PATH = "/mqtt";

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int PROBE_TIMEOUT_MILLIS = 2000;

    private final BrokerConfig config;
    private final ThingbusExtension extension;
    private EmbeddedHiveMQ hivemq;
    private Path temporaryRoot;
    private volatile boolean running;

    EmbeddedBroker(BrokerConfig config, ThingbusExtension extension) {
        this.config = config;
        this.extension = extension;
    }

    void start(@Observes @Priority(20) StartupEvent event) throws IOException {
        Path root = root();
        try {
            start(root);
        } catch (IOException | RuntimeException e) {
            if (temporaryRoot != null) {
                deleteRecursively(temporaryRoot);
            }
            throw e;
        }
    }

    private void start(Path root) throws IOException {
        List<ListenerSpec> listeners = ConfiguredListeners.resolve(config, root.resolve("tls"));
        requireFreePorts(listeners);
        HiveMqConfigFile.write(root.resolve("conf"), listeners, new HiveMqConfigFile.SessionLimits(
                config.sessions().maxExpiry(), config.sessions().maxQueuedMessages()));
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(root.resolve("conf"))
                .withDataFolder(Files.createDirectories(root.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(root.resolve("extensions")))
                .withEmbeddedExtension(embeddedExtension())
                .withoutLoggingBootstrap()
                .build();
        await(hivemq.start(), START_TIMEOUT, "start");
        requireExtensionStarted();
        requireListening(listeners);
        running = true;
        LOG.infof("MQTT broker started in %s: %s", root, describe(listeners));
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (hivemq != null) {
            stopQuietly();
        }
        if (temporaryRoot != null) {
            deleteRecursively(temporaryRoot);
        }
    }

    /** Whether HiveMQ is up with the extension registered. */
    public boolean isRunning() {
        return running;
    }

    private EmbeddedExtension embeddedExtension() {
        return EmbeddedExtension.builder()
                .withId("thingbus-broker")
                .withName("Thingbus broker-service")
                .withVersion("1")
                .withAuthor("Thingbus")
                .withPriority(1000)
                .withStartPriority(1000)
                .withExtensionMain(extension)
                .build();
    }

    private void requireExtensionStarted() {
        if (!extension.isStarted()) {
            stopQuietly();
            throw new IllegalStateException("HiveMQ started without the Thingbus extension; refusing to run an open broker");
        }
    }

    /**
     * Fails when a listener's port is taken. HiveMQ itself only logs a listener it cannot open and runs on with the
     * others, so the edge checks before it starts HiveMQ (a port taken in the milliseconds between is not caught).
     */
    private static void requireFreePorts(List<ListenerSpec> listeners) {
        for (ListenerSpec listener : listeners) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(listener.bindAddress(), listener.port()));
            } catch (IOException e) {
                throw new IllegalStateException("MQTT listener " + listener.name() + " cannot listen on "
                        + listener.bindAddress() + ":" + listener.port() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Fails when a listener does not accept connections after HiveMQ started: HiveMQ only logs a listener it could
     * not open (for example a port taken between the check above and HiveMQ's bind).
     */
    private void requireListening(List<ListenerSpec> listeners) {
        for (ListenerSpec listener : listeners) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(probeAddress(listener.bindAddress()), listener.port()),
                        PROBE_TIMEOUT_MILLIS);
            } catch (IOException e) {
                stopQuietly();
                throw new IllegalStateException("MQTT listener " + listener.name() + " did not open on "
                        + listener.bindAddress() + ":" + listener.port() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Where to reach a listener from this host: loopback for a wildcard bind address. */
    private static String probeAddress(String bindAddress) {
        return switch (bindAddress) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]", "::0" -> "::1";
            default -> bindAddress;
        };
    }

    private Path root() throws IOException {
        if (config.dataDir().isPresent()) {
            return Files.createDirectories(config.dataDir().get());
        }
        temporaryRoot = Files.createTempDirectory("thingbus-broker-");
        return temporaryRoot;
    }

    private void stopQuietly() {
        try {
            await(hivemq.stop(), STOP_TIMEOUT, "stop");
        } catch (RuntimeException e) {
            LOG.warn("HiveMQ did not stop cleanly", e);
        }
    }

    private static void await(CompletableFuture<Void> step, Duration timeout, String what) {
        try {
            step.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("HiveMQ did not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("HiveMQ did not " + what + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for HiveMQ to " + what, e);
        }
    }

    private static String describe(List<ListenerSpec> listeners) {
        return listeners.stream().map(l -> l.name() + " " + l.bindAddress() + ":" + l.port())
                .collect(Collectors.joining(", "));
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("could not delete %s: %s", root, e.getMessage());
        }
    }
}
