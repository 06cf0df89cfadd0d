package io.thingbus.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingbus.testing.SharedInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The consumer of a real {@link KafkaConsumerLoop} against a real Kafka broker, its metrics bound to a registry. */
class ConsumerMetricsBindingIT {

    private static final String RECORDS_LAG_MAX = "kafka.consumer.fetch.manager.records.lag.max";

    private final KafkaClientSettings settings = KafkaClientSettings.of(
            Map.of("bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers()));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void theConsumersMetrics_areMetersWithItsClientIdAndKafkaVersion_untilItCloses() throws Exception {
        String clientId = "binding-it-" + UUID.randomUUID();
        KafkaConsumerLoop loop = new KafkaConsumerLoop("binding-it", List.of("binding-it-" + UUID.randomUUID()),
                settings.consumer(clientId, "group-" + UUID.randomUUID(), "earliest"), Duration.ofMillis(200),
                new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(400)), records -> { },
                List.of(new ConsumerMetricsBinding(registry)));

        loop.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> registry.find(RECORDS_LAG_MAX).gauge() != null);
            Gauge lag = registry.find(RECORDS_LAG_MAX).tag("client.id", clientId).gauge();
            assertThat(lag).isNotNull();
            assertThat(lag.getId().getTag("kafka.version")).isNotBlank().isNotEqualTo("unknown");
        } finally {
            loop.stop();
        }

        assertThat(registry.getMeters()).extracting(Meter::getId)
                .noneMatch(id -> id.getName().startsWith("kafka.consumer."));
    }
}
