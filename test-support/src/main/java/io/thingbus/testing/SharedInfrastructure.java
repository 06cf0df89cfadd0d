package io.thingbus.testing;

import io.thingbus.contracts.Topics;
import io.thingbus.infra.KafkaBroker;
import io.thingbus.infra.KafkaTopicInitializer;
import io.thingbus.infra.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One real Kafka broker and one real PostgreSQL server per test JVM, started on first use and shared by every test
 * class and every Quarkus test profile in that JVM. They stop when the JVM exits (Kafka's child JVM also exits when
 * this JVM dies). Thread-safe.
 *
 * <p>Quarkus loads this class once per test profile, in a new class loader, so a static field alone would start a
 * second Kafka for every profile. The addresses of what was started are therefore kept in JVM-wide system
 * properties, and the lock is the system properties object itself.
 */
public final class SharedInfrastructure {

    private static final String KAFKA_PROPERTY = "thingbus.test.kafka.bootstrap-servers";
    private static final String JDBC_URL_PROPERTY = "thingbus.test.postgres.jdbc-url";

    private final String kafkaBootstrapServers;
    private final String jdbcUrl;

    private SharedInfrastructure(String kafkaBootstrapServers, String jdbcUrl) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.jdbcUrl = jdbcUrl;
    }

    public static SharedInfrastructure get() {
        synchronized (System.getProperties()) {
            if (System.getProperty(KAFKA_PROPERTY) == null) {
                start();
            }
            return new SharedInfrastructure(System.getProperty(KAFKA_PROPERTY), System.getProperty(JDBC_URL_PROPERTY));
        }
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String dbUsername() {
        return PostgresServer.USER;
    }

    /** The test cluster trusts loopback connections; any password is accepted. */
    public String dbPassword() {
        return "postgres";
    }

    private static void start() {
        if (DockerInfrastructure.wanted()) {
            String[] started = DockerInfrastructure.start();
            KafkaTopicInitializer.createMissing(started[0], Topics.ALL, 3);
            System.setProperty(KAFKA_PROPERTY, started[0]);
            System.setProperty(JDBC_URL_PROPERTY, started[1]);
            return;
        }
        Path root = temporaryRoot();
        KafkaBroker kafka = KafkaBroker.start(root.resolve("kafka"), 0, Duration.ofSeconds(90));
        KafkaTopicInitializer.createMissing(kafka.bootstrapServers(), Topics.ALL, 3);
        PostgresServer postgres = PostgresServer.start(root.resolve("postgres"), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }, "test-infrastructure-stop"));
        System.setProperty(KAFKA_PROPERTY, kafka.bootstrapServers());
        System.setProperty(JDBC_URL_PROPERTY, postgres.jdbcUrl());
    }

    private static Path temporaryRoot() {
        try {
            Path target = Path.of("target");
            Path base = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(base.toAbsolutePath(), "thingbus-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
