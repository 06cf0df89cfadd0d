package io.thingbus.helm;

import static io.thingbus.helm.RenderedChart.container;
import static io.thingbus.helm.RenderedChart.envValue;
import static io.thingbus.helm.RenderedChart.requiredEnv;
import static io.thingbus.helm.ThingbusChart.FULLNAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.contracts.TopicSpec;
import io.thingbus.contracts.Topics;
import io.thingbus.launcher.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bundled versus external Kafka and PostgreSQL, and the Job that creates the suite's topics. */
class ChartInfrastructureTest {

    private static final String EXTERNAL = """
            kafka:
              bundled: {enabled: false}
              external: {bootstrapServers: "kafka-0.kafka:9093,kafka-1.kafka:9093"}
              clientConfig: {security.protocol: SSL, ssl.endpoint.identification.algorithm: https}
              topics: {replicationFactor: 3}
            postgresql:
              bundled: {enabled: false}
              external:
                host: db.example.com
                port: 6432
                database: iot
                existingSecret: thingbus-db
                usernameKey: user
                passwordKey: pass
                jdbcParameters: sslmode=verify-full
            """;

    private final ThingbusChart helm = new ThingbusChart();

    @Test
    void topicJob_createsEveryTopicOfTheContractWithItsCleanupPolicy() {
        RenderedChart chart = helm.render();
        Map<String, String> expected = Topics.ALL.stream()
                .collect(Collectors.toMap(TopicSpec::name, t -> t.compacted() ? "compact" : "delete"));

        assertThat(renderedTopics(chart)).isEqualTo(expected);
    }

    @Test
    void topicJob_runsTheChartsScriptAgainstTheSuitesKafka() {
        RenderedChart chart = helm.render();
        JsonNode job = chart.get("Job", FULLNAME + "-kafka-topics-1");
        JsonNode container = container(job);
        String configMap = job.at("/spec/template/spec/volumes/0/configMap/name").asText();

        assertThat(configMap).isEqualTo(FULLNAME + "-kafka-topics");
        assertThat(container.path("command").toString()).contains("/etc/thingbus/kafka-topics/create-topics.sh");
        assertThat(container.path("image").asText()).startsWith("apache/kafka:");
        assertThat(envValue(container, "BOOTSTRAP_SERVERS")).isEqualTo(FULLNAME + "-kafka:9092");
        assertThat(envValue(container, "TOPICS_FILE")).isEqualTo("/etc/thingbus/kafka-topics/topics");
        assertThat(envValue(container, "PARTITIONS")).isEqualTo("6");
        assertThat(envValue(container, "REPLICATION_FACTOR")).isEqualTo("-1");
    }

    @Test
    void topicScript_isValidBash() throws Exception {
        String script = helm.render().get("ConfigMap", FULLNAME + "-kafka-topics").at("/data/create-topics.sh").asText();
        Path file = Files.createTempFile("create-topics-", ".sh");
        try {
            Files.writeString(file, script);
            Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
            assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes())).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void bundledKafka_isOneKraftNodeOnAVolumeThatCreatesNoTopicsByItself() {
        JsonNode kafka = helm.render().get("StatefulSet", FULLNAME + "-kafka");
        JsonNode container = container(kafka);

        assertThat(kafka.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(container.path("image").asText()).startsWith("apache/kafka:");
        assertThat(envValue(container, "KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(envValue(container, "KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://" + FULLNAME + "-kafka:9092");
        assertThat(envValue(container, "KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        assertThat(kafka.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage").asText()).isEqualTo("8Gi");
    }

    @Test
    void bundledPostgresql_isTimescaleDbOnAVolumeWithThePasswordFromItsSecret() {
        JsonNode postgres = helm.render().get("StatefulSet", FULLNAME + "-postgresql");
        JsonNode container = container(postgres);

        assertThat(container.path("image").asText()).startsWith("timescale/timescaledb");
        assertThat(envValue(container, "POSTGRES_DB")).isEqualTo("thingbus");
        assertThat(envValue(container, "POSTGRES_USER")).isEqualTo("thingbus");
        assertThat(requiredEnv(container, "POSTGRES_PASSWORD").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo(FULLNAME + "-postgresql");
        assertThat(postgres.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage").asText()).isEqualTo("10Gi");
    }

    @Test
    void externalInfrastructure_rendersNoBundledStatefulSetAndNoGeneratedDatabasePassword() {
        RenderedChart chart = helm.render(EXTERNAL);

        assertThat(chart.ofKind("StatefulSet")).isEmpty();
        assertThat(chart.find("Service", FULLNAME + "-kafka")).isEmpty();
        assertThat(chart.find("Service", FULLNAME + "-postgresql")).isEmpty();
        assertThat(chart.find("Secret", FULLNAME + "-postgresql")).isEmpty();
        assertThat(chart.namesOf("Deployment")).hasSize(ServiceSpec.ALL.size());
    }

    @Test
    void externalKafka_isWhereEveryServiceAndTheTopicJobConnectWithTheClientConfig() {
        RenderedChart chart = helm.render(EXTERNAL);

        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode container = container(chart.deployment(spec.name()));
            assertThat(envValue(container, "KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka-0.kafka:9093,kafka-1.kafka:9093");
            assertThat(envValue(container, "KAFKA_SECURITY_PROTOCOL")).isEqualTo("SSL");
            assertThat(envValue(container, "KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM")).isEqualTo("https");
        }
        JsonNode job = container(chart.get("Job", FULLNAME + "-kafka-topics-1"));
        assertThat(envValue(job, "BOOTSTRAP_SERVERS")).isEqualTo("kafka-0.kafka:9093,kafka-1.kafka:9093");
        assertThat(envValue(job, "REPLICATION_FACTOR")).isEqualTo("3");
        String clientProperties = chart.get("ConfigMap", FULLNAME + "-kafka-topics").at("/data/client.properties").asText();
        assertThat(clientProperties.lines().map(String::strip))
                .contains("security.protocol=SSL", "ssl.endpoint.identification.algorithm=https");
    }

    @Test
    void externalPostgresql_isReachedWithUserAndPasswordFromTheOperatorsSecret() {
        RenderedChart chart = helm.render(EXTERNAL);

        for (String service : ChartDefaultsTest.SERVICES_WITH_A_SCHEMA) {
            JsonNode container = container(chart.deployment(service));
            assertThat(envValue(container, "QUARKUS_DATASOURCE_JDBC_URL"))
                    .isEqualTo("jdbc:postgresql://db.example.com:6432/iot?sslmode=verify-full");
            assertThat(requiredEnv(container, "QUARKUS_DATASOURCE_USERNAME").at("/valueFrom/secretKeyRef").toString())
                    .isEqualTo("{\"name\":\"thingbus-db\",\"key\":\"user\"}");
            assertThat(requiredEnv(container, "QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef").toString())
                    .isEqualTo("{\"name\":\"thingbus-db\",\"key\":\"pass\"}");
        }
    }

    @Test
    void topicJob_canBeLeftToTheOperator() {
        RenderedChart chart = helm.render("kafka: {topics: {create: false}}");

        assertThat(chart.ofKind("Job")).isEmpty();
        assertThat(chart.find("ConfigMap", FULLNAME + "-kafka-topics")).isEmpty();
    }

    /** The topic ConfigMap's "<topic> <cleanup.policy>" lines; a topic named twice fails. */
    private static Map<String, String> renderedTopics(RenderedChart chart) {
        String lines = chart.get("ConfigMap", FULLNAME + "-kafka-topics").at("/data/topics").asText();
        return lines.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> line.split(" ", 2))
                .collect(Collectors.toMap(fields -> fields[0], fields -> fields.length > 1 ? fields[1] : ""));
    }
}
