package io.thingbus.broker;

import static org.awaitility.Awaitility.await;

import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the lifecycle topic as session-service would, from its end at creation time. */
public final class LifecycleReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public LifecycleReader(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.LIFECYCLE, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
    }

    /** The key of a client's events: {@code <tenant>/<client id>}. */
    public static String key(TestDevice device, String clientId) {
        return device.user() + "/" + clientId;
    }

    /**
     * The Kafka records with {@code key} read so far, in order, waiting up to 30 seconds until one of them satisfies
     * {@code last}; returns them up to and including that one.
     */
    public List<ConsumerRecord<String, byte[]>> recordsUntil(String key, Predicate<SessionEventRecord> last) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().anyMatch(r -> key.equals(r.key()) && last.test(decode(r)));
        });
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : seen) {
            if (key.equals(record.key())) {
                records.add(record);
                if (last.test(decode(record))) {
                    break;
                }
            }
        }
        return records;
    }

    /** The events with {@code key} up to and including the first of type {@code lastEvent}. */
    public List<SessionEventRecord> eventsUntil(String key, String lastEvent) {
        return recordsUntil(key, e -> e.event().equals(lastEvent)).stream().map(LifecycleReader::decode).toList();
    }

    public static SessionEventRecord decode(ConsumerRecord<String, byte[]> record) {
        return SessionEventRecord.CODEC.decode(record.value());
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return KafkaHeaders.value(record.headers(), name).orElse(null);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
