package io.thingbus.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thingbus.contracts.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureIT {

    @TempDir
    Path dir;

    @Test
    void kafka_servesProduceAndConsume_andKeepsTopicsAcrossARestart() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), 0, Duration.ofSeconds(90))) {
            KafkaTopicInitializer.createMissing(kafka.bootstrapServers(), Topics.ALL, 3);
            produce(kafka.bootstrapServers(), "U1/dev-1", "{\"temp\":20}");
            assertEquals(List.of("{\"temp\":20}"), consumeAll(kafka.bootstrapServers()));
            assertEquals("compact", cleanupPolicy(kafka.bootstrapServers(), Topics.DEVICE_CREDENTIALS));
        }
        try (KafkaBroker again = KafkaBroker.start(dir.resolve("kafka"), 0, Duration.ofSeconds(90))) {
            assertEquals(List.of("{\"temp\":20}"), consumeAll(again.bootstrapServers()));
        }
    }

    @Test
    void postgres_keepsDataAcrossARestart() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(dir.resolve("pg"), 0)) {
            execute(postgres, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        }
        try (PostgresServer postgres = PostgresServer.start(dir.resolve("pg"), 0);
             Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    private static void execute(PostgresServer postgres, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.TELEMETRY, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeAll(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(Topics.TELEMETRY));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    return java.util.stream.StreamSupport.stream(records.spliterator(), false)
                            .map(r -> r.value()).toList();
                }
            }
            return List.of();
        }
    }

    private static String cleanupPolicy(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            ConfigEntry entry = admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy");
            return entry.value();
        }
    }
}
