package io.thingbus.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingbus.testing.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
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

    /** The broker creates a topic with three partitions on first use. */
    @Test
    void listeners_hearTheConsumerCreatedWithItsMetrics_itsPartitionsAssigned_andItClosed() throws Exception {
        produce("m");
        List<String> heard = new CopyOnWriteArrayList<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        KafkaConsumerLoop loop = loop("group-" + UUID.randomUUID(), collectingInto(handled),
                List.of(new KafkaConsumerLoop.ConsumerListener() {
                    @Override
                    public void created(Consumer<?, ?> consumer) {
                        heard.add("created with " + metricNames(consumer));
                    }

                    @Override
                    public void assigned(Set<TopicPartition> held) {
                        heard.add("assigned " + sorted(held));
                    }

                    @Override
                    public void revoked(Set<TopicPartition> held) {
                        heard.add("revoked, holding " + sorted(held));
                    }

                    @Override
                    public void closed() {
                        heard.add("closed");
                    }
                }));

        loop.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 1);
        loop.stop();

        assertThat(heard.get(0)).startsWith("created with ").contains("records-lag-max", "version", "start-time-ms");
        assertThat(heard).contains("assigned [%1$s-0, %1$s-1, %1$s-2]".formatted(topic))
                .endsWith("revoked, holding []", "closed");
    }

    @Test
    void aListenerThatThrows_disturbsNeitherTheOthersNorTheLoop() throws Exception {
        produce("n");
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicBoolean closedHeard = new AtomicBoolean();
        KafkaConsumerLoop loop = loop("group-" + UUID.randomUUID(), collectingInto(handled),
                List.of(new KafkaConsumerLoop.ConsumerListener() {
                    @Override
                    public void created(Consumer<?, ?> consumer) {
                        throw new IllegalStateException("boom");
                    }

                    @Override
                    public void assigned(Set<TopicPartition> held) {
                        throw new IllegalStateException("boom");
                    }
                }, new KafkaConsumerLoop.ConsumerListener() {
                    @Override
                    public void closed() {
                        closedHeard.set(true);
                    }
                }));

        loop.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 1);
        assertThat(loop.state()).isEqualTo(KafkaConsumerLoop.State.CONSUMING);
        loop.stop();

        assertThat(handled).containsExactly("n");
        assertThat(closedHeard).isTrue();
    }

    private KafkaConsumerLoop loop(String group, KafkaConsumerLoop.BatchHandler handler) {
        return loop(group, handler, List.of());
    }

    private KafkaConsumerLoop loop(String group, KafkaConsumerLoop.BatchHandler handler,
            List<KafkaConsumerLoop.ConsumerListener> listeners) {
        return new KafkaConsumerLoop("loop-it", List.of(topic), settings.consumer("loop-it", group, "earliest"),
                Duration.ofMillis(200), new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(400)), handler,
                listeners);
    }

    private static List<String> sorted(Set<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).sorted().toList();
    }

    private static KafkaConsumerLoop.BatchHandler collectingInto(List<String> handled) {
        return records -> records.forEach(r -> handled.add(value(r)));
    }

    private static Set<String> metricNames(Consumer<?, ?> consumer) {
        return consumer.metrics().keySet().stream().map(MetricName::name).collect(Collectors.toSet());
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
