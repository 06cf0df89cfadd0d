package io.thingbus.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Apache Kafka broker (KRaft, one node acting as broker and controller) in a child JVM, started from the
 * Maven artifacts whose classpath this module recorded at build time. No Docker.
 *
 * <p>The child exits when this JVM dies (see {@link KafkaChildMain}); {@link #close()} stops it gracefully.
 * Data lives in the given directory, so a broker started again on the same directory keeps its topics.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "/thingbus/kafka-classpath.txt";
    private static final String READY_MARKER = "Kafka Server started";

    private final Process process;
    private final int port;

    private KafkaBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a broker and waits until it serves clients.
     *
     * @param dataDir where logs and metadata live (created when missing; formatted on first use)
     * @param port the client port, or 0 for a free one
     * @throws IllegalStateException when the broker does not come up within the timeout; the message holds its log tail
     */
    public static KafkaBroker start(Path dataDir, int port, Duration timeout) {
        try {
            Files.createDirectories(dataDir);
            int clientPort = FreePort.orFree(port);
            Path config = writeConfig(dataDir, clientPort, FreePort.find());
            String classpath = childClasspath();
            formatStorageIfNeeded(dataDir, config, classpath);
            Process process = startBroker(config, classpath, dataDir);
            awaitReady(process, ChildProcessLog.follow(process, dataDir.resolve("kafka.log"), READY_MARKER, "kafka"),
                    timeout);
            return new KafkaBroker(process, clientPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka in " + dataDir, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path writeConfig(Path dataDir, int clientPort, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.cleaner.dedupe.buffer.size", "16777216");
        p.setProperty("auto.create.topics.enable", "true");
        Path config = dataDir.resolve("server.properties");
        try (var out = Files.newOutputStream(config)) {
            p.store(out, "written by Thingbus KafkaBroker");
        }
        return config;
    }

    private static void formatStorageIfNeeded(Path dataDir, Path config, String classpath) throws IOException {
        if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        List<String> command = javaCommand(classpath, "kafka.tools.StorageTool");
        // "--cluster-id=<id>" in one argument: a base64url id may start with '-', which would read as an option.
        command.addAll(List.of("format", "--cluster-id=" + clusterId(), "--config", config.toString(), "--standalone",
                "--ignore-formatted"));
        Process format = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("kafka-format.log").toFile()).start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage failed: "
                        + Files.readString(dataDir.resolve("kafka-format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private static String clusterId() {
        // A Kafka cluster id is 16 random bytes in URL-safe base64 without padding.
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static Process startBroker(Path config, String classpath, Path dataDir) throws IOException {
        List<String> command = javaCommand(classpath, KafkaChildMain.class.getName());
        command.add(config.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).directory(dataDir.toFile()).start();
    }

    private static List<String> javaCommand(String classpath, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn",
                "-cp", classpath, mainClass));
        return command;
    }

    private static void awaitReady(Process process, ChildProcessLog log, Duration timeout) {
        try {
            log.ready().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Kafka did not start within " + timeout + ":\n" + log.tail(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        }
    }

    /** This module's own classes (for {@link KafkaChildMain}) followed by the Kafka broker's jars. */
    static String childClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build thingbus-embedded-infra with Maven");
            }
            String kafkaJars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            Path self = Path.of(KafkaChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self + java.io.File.pathSeparator + kafkaJars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
