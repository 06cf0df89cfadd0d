package io.thingbus.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and TimescaleDB in containers, for machines that have a Docker engine: the same tests then also run the
 * stream store's TimescaleDB branch. Never the only way: without an engine (or with
 * {@code -Dthingbus.test.infrastructure=embedded}) {@link SharedInfrastructure} starts the embedded ones.
 */
final class DockerInfrastructure {

    static final String PROPERTY = "thingbus.test.infrastructure";
    private static final DockerImageName TIMESCALEDB =
            DockerImageName.parse("timescale/timescaledb:latest-pg17").asCompatibleSubstituteFor("postgres");
    private static final DockerImageName KAFKA = DockerImageName.parse("apache/kafka:4.1.0");

    private DockerInfrastructure() {
    }

    /** Whether to use containers: asked for, or {@code auto} (the default) and an engine answers. */
    static boolean wanted() {
        String choice = System.getProperty(PROPERTY, System.getenv().getOrDefault("THINGBUS_TEST_INFRASTRUCTURE", "auto"));
        return switch (choice) {
            case "docker" -> true;
            case "embedded" -> false;
            default -> engineLikelyPresent() && DockerClientFactory.instance().isDockerAvailable();
        };
    }

    /** A cheap look before asking Testcontainers, which takes seconds to conclude there is no engine. */
    private static boolean engineLikelyPresent() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }

    /** Starts both containers; they stop when the JVM exits (Testcontainers' reaper). Returns {kafka, jdbc url}. */
    static String[] start() {
        KafkaContainer kafka = new KafkaContainer(KAFKA);
        kafka.start();
        PostgreSQLContainer postgres = new PostgreSQLContainer(TIMESCALEDB)
                .withDatabaseName("thingbus").withUsername("postgres").withPassword("postgres");
        postgres.start();
        return new String[] {kafka.getBootstrapServers(), postgres.getJdbcUrl()};
    }
}
