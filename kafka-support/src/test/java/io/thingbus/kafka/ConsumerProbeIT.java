package io.thingbus.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingbus.testing.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

/** A probe on the consumer of a real {@link KafkaConsumerLoop} against a real Kafka broker. */
class ConsumerProbeIT {

    private final KafkaClientSettings settings = KafkaClientSettings.of(
            Map.of("bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers()));
    private final String topic = "probe-it-" + UUID.randomUUID();

    @Test
    void theLoopsConsumer_showsItsMetricsOnceCreated_andWhenItGotItsPartitions() throws Exception {
        createTopic();
        ConsumerProbe probe = new ConsumerProbe();
        List<Set<String>> namesWhenCreated = new CopyOnWriteArrayList<>();
        probe.whenCreated(() -> namesWhenCreated.add(names(probe)));
        Instant started = Instant.now().minusSeconds(1);
        KafkaConsumerLoop loop = new KafkaConsumerLoop("probe-it", List.of(topic),
                probe.attachTo(settings.consumer("probe-it-" + UUID.randomUUID(), "group-" + UUID.randomUUID(),
                        "earliest")),
                Duration.ofMillis(200), new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(400)), records -> { });

        loop.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !namesWhenCreated.isEmpty());
            assertThat(namesWhenCreated.get(0)).contains("records-lag-max", "start-time-ms");
            assertThat(names(probe)).contains("records-lag-max");
            assertThat(probe.metricsView().metrics()).isEqualTo(probe.metrics());

            await().atMost(Duration.ofSeconds(30)).until(() -> probe.lastAssignment(Instant.now()).isPresent());
            assertThat(probe.lastAssignment(Instant.now()).get()).isAfterOrEqualTo(started)
                    .isBeforeOrEqualTo(Instant.now());
        } finally {
            loop.stop();
        }

        assertThat(loop.state()).isEqualTo(KafkaConsumerLoop.State.STOPPED);
        assertThat(probe.metrics()).isEmpty();
        assertThat(probe.lastAssignment(Instant.now())).isEmpty();
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static Set<String> names(ConsumerProbe probe) {
        return probe.metrics().keySet().stream().map(MetricName::name).collect(Collectors.toSet());
    }
}
