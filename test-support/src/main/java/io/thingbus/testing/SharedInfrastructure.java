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
 */
public final class SharedInfrastructure {

    private static SharedInfrastructure instance;

    private final KafkaBroker kafka;
    private final PostgresServer postgres;

    private SharedInfrastructure(KafkaBroker kafka, PostgresServer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    public static synchronized SharedInfrastructure get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String dbUsername() {
        return postgres.username();
    }

    public String dbPassword() {
        return postgres.password();
    }

    private static SharedInfrastructure start() {
        Path root = temporaryRoot();
        KafkaBroker kafka = KafkaBroker.start(root.resolve("kafka"), 0, Duration.ofSeconds(90));
        KafkaTopicInitializer.createMissing(kafka.bootstrapServers(), Topics.ALL, 3);
        PostgresServer postgres = PostgresServer.start(root.resolve("postgres"), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }, "test-infrastructure-stop"));
        return new SharedInfrastructure(kafka, postgres);
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
