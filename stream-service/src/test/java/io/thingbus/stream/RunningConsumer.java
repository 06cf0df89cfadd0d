package io.thingbus.stream;

import io.thingbus.stream.domain.TelemetryIngestion;
import io.thingbus.stream.messaging.ConsumerSettings;
import io.thingbus.stream.messaging.ConsumerState;
import io.thingbus.stream.messaging.IngestionMetrics;
import io.thingbus.stream.messaging.KafkaTelemetryConsumer;
import io.thingbus.testing.SharedInfrastructure;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A second telemetry consumer, as another (or a restarted) stream-service instance runs it: the production consumer
 * class against the real Kafka broker, in its own consumer group, on its own thread.
 */
final class RunningConsumer implements AutoCloseable {

    private final KafkaTelemetryConsumer consumer;
    private final Thread thread;

    private RunningConsumer(KafkaTelemetryConsumer consumer) {
        this.consumer = consumer;
        this.thread = new Thread(consumer, "test-telemetry-consumer");
        thread.start();
    }

    static RunningConsumer start(String group, TelemetryIngestion ingestion, IngestionMetrics metrics) {
        ConsumerSettings settings = new ConsumerSettings(group, 500, Duration.ofMillis(200), Duration.ofMillis(100),
                Duration.ofMillis(400));
        Map<String, Object> client = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
        return new RunningConsumer(new KafkaTelemetryConsumer(client, settings, ingestion, metrics));
    }

    ConsumerState state() {
        return consumer.state();
    }

    @Override
    public void close() throws InterruptedException {
        consumer.stop();
        thread.join(Duration.ofSeconds(30).toMillis());
    }
}
