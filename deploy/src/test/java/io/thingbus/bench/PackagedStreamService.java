package io.thingbus.bench;

import io.thingbus.infra.FreePort;
import io.thingbus.infra.KafkaBroker;
import io.thingbus.infra.PostgresServer;
import io.thingbus.launcher.ServiceProcess;
import io.thingbus.launcher.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * stream-service alone, as a child JVM from its packaged Quarkus app ({@code stream-service/target/quarkus-app}), started
 * by the launcher's own {@link ServiceProcess} (same command and JVM flags) with the variables {@code LocalSuite} gives
 * it (Kafka, PostgreSQL, the admin key every service gets). Its output goes to {@code <logDir>/stream-service.log}.
 */
final class PackagedStreamService implements AutoCloseable {

    private final ServiceProcess process;
    private final long startedNanos;

    private PackagedStreamService(ServiceProcess process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts the service and returns at once (it is not ready yet).
     *
     * @param home the repository root
     * @throws IllegalStateException when the app is not built
     */
    static PackagedStreamService start(Path home, KafkaBroker kafka, PostgresServer postgres, Path logDir) {
        Path app = home.resolve("stream-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException("not built: " + app + " — run ./mvnw -DskipTests install first");
        }
        long startedNanos = System.nanoTime();
        return new PackagedStreamService(ServiceProcess.start(ServiceSpec.STREAM, home, FreePort.find(),
                environment(kafka, postgres), logDir), startedNanos);
    }

    private static Map<String, String> environment(KafkaBroker kafka, PostgresServer postgres) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                "QUARKUS_DATASOURCE_PASSWORD", postgres.password(),
                "THINGBUS_ADMIN_KEY", UUID.randomUUID().toString());
    }

    /** @throws IllegalStateException when the process has ended (it never does on its own while healthy) */
    void requireAlive() {
        process.requireAlive();
    }

    /** When the process was started, on the {@link System#nanoTime()} clock. */
    long startedNanos() {
        return startedNanos;
    }

    long pid() {
        return process.pid();
    }

    /** Stops gracefully (SIGTERM), forcibly after 20 s. */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
