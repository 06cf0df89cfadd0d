package io.thingbus.broker;

import static org.awaitility.Awaitility.await;

import io.thingbus.kafka.KafkaHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic as its consumers would (device-service, command-service, session-service), from its end at
 * creation time. To prove that something did <em>not</em> reach Kafka, a test makes a later record on the same key
 * (one key is one partition, so everything before it is read before it).
 */
public final class KafkaTopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public KafkaTopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
    }

    /**
     * The records with {@code key} read so far, in order, waiting up to 30 seconds until one satisfies {@code last};
     * returns them up to and including that one.
     */
    public List<ConsumerRecord<String, byte[]>> recordsUntil(String key, Predicate<ConsumerRecord<String, byte[]>> last) {
        pollUntil(() -> seen.stream().anyMatch(r -> key.equals(r.key()) && last.test(r)));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : seen) {
            if (key.equals(record.key())) {
                records.add(record);
                if (last.test(record)) {
                    break;
                }
            }
        }
        return records;
    }

    /** The records with {@code key} up to and including the {@code count}-th one. */
    public List<ConsumerRecord<String, byte[]>> first(String key, int count) {
        return first(key, r -> true, count);
    }

    /** The first {@code count} records with {@code key} that satisfy {@code filter}, in order. */
    public List<ConsumerRecord<String, byte[]>> first(String key, Predicate<ConsumerRecord<String, byte[]>> filter,
            int count) {
        Predicate<ConsumerRecord<String, byte[]>> wanted = r -> key.equals(r.key()) && filter.test(r);
        pollUntil(() -> seen.stream().filter(wanted).count() >= count);
        return seen.stream().filter(wanted).limit(count).toList();
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return KafkaHeaders.value(record.headers(), name).orElse(null);
    }

    /** Polls, keeping what it reads, until {@code done} holds; fails after 30 seconds. */
    private void pollUntil(BooleanSupplier done) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return done.getAsBoolean();
        });
    }

    @Override
    public void close() {
        consumer.close();
    }
}
