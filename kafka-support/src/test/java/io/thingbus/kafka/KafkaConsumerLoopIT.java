package io.thingbus.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingbus.testing.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The loop against a real Kafka broker: what a handler saw, what was committed, what is read again. */
class KafkaConsumerLoopIT {

    private final KafkaClientSettings settings = KafkaClientSettings.of(
            Map.of("bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers()));
    private final String topic = "loop-it-" + UUID.randomUUID();

    @Test
    void failingBatch_isReadAgainAfterTheBackoff_andCommittedOnlyOnceHandled() throws Exception {
        produce("a", "b");
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicBoolean databaseDown = new AtomicBoolean(true);
        KafkaConsumerLoop loop = loop("group-" + UUID.randomUUID(), records -> {
            if (databaseDown.getAndSet(false)) {
                throw new IllegalStateException("database unavailable");
            }
            records.forEach(r -> handled.add(value(r)));
        });

        loop.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 2);
        loop.stop();

        assertThat(handled).containsExactly("a", "b");
        assertThat(loop.state()).isEqualTo(KafkaConsumerLoop.State.STOPPED);
    }

    @Test
    void handledRecords_areNotReadAgainByTheSameGroup() throws Exception {
        produce("x");
        String group = "group-" + UUID.randomUUID();
        List<String> first = new CopyOnWriteArrayList<>();
        KafkaConsumerLoop loop = loop(group, records -> records.forEach(r -> first.add(value(r))));
        loop.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> first.size() == 1);
        loop.stop();

        produce("y");
        List<String> second = new CopyOnWriteArrayList<>();
        KafkaConsumerLoop again = loop(group, records -> records.forEach(r -> second.add(value(r))));
        again.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> second.size() == 1);
        again.stop();

        assertThat(second).containsExactly("y");
    }

    private KafkaConsumerLoop loop(String group, KafkaConsumerLoop.BatchHandler handler) {
        return new KafkaConsumerLoop("loop-it", List.of(topic), settings.consumer("loop-it", group, "earliest"),
                Duration.ofMillis(200), new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(400)), handler);
    }

    private void produce(String... values) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(settings.producer("loop-it", Duration.ofSeconds(30)))) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, 0, "k", value.getBytes(StandardCharsets.UTF_8)))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String value(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
