package io.thingbus.stream;

import io.thingbus.contracts.Topics;
import io.thingbus.kafka.ConsumerLoopSettings;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaConsumerLoop;
import io.thingbus.stream.domain.TelemetryIngestion;
import io.thingbus.stream.messaging.IngestionMetrics;
import io.thingbus.stream.messaging.TelemetryBatchHandler;
import io.thingbus.testing.SharedInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A second telemetry consumer, as another (or a restarted) stream-service instance runs it: the production batch
 * handler in the shared consumer loop, against the real Kafka broker, in its own consumer group, on its own thread.
 */
final class RunningConsumer implements AutoCloseable {

    private final KafkaConsumerLoop loop;

    private RunningConsumer(KafkaConsumerLoop loop) {
        this.loop = loop;
        loop.start();
    }

    static RunningConsumer start(String group, TelemetryIngestion ingestion, IngestionMetrics metrics) {
        ConsumerLoopSettings settings = new ConsumerLoopSettings("test", group, 500, Duration.ofMillis(200),
                Duration.ofMillis(100), Duration.ofMillis(400));
        KafkaClientSettings kafka = KafkaClientSettings.of(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers()));
        return new RunningConsumer(new KafkaConsumerLoop("test-telemetry-consumer", List.of(Topics.TELEMETRY),
                settings.consumerConfig(kafka, "test-" + group, "earliest"), settings.pollTimeout(),
                settings.backoff(), new TelemetryBatchHandler(ingestion, metrics)));
    }

    KafkaConsumerLoop.State state() {
        return loop.state();
    }

    @Override
    public void close() throws InterruptedException {
        loop.stop();
    }
}
