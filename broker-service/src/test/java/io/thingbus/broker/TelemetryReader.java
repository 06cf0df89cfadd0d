package io.thingbus.broker;

import static org.awaitility.Awaitility.await;

import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the telemetry topic as an integrator would, from its end at creation time. To prove that something did
 * <em>not</em> reach Kafka without waiting for an arbitrary time, a test publishes a marker on the same device key
 * afterwards: one key is one partition, so everything the device got forwarded before the marker is read before it.
 */
public final class TelemetryReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TelemetryReader(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TELEMETRY, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
    }

    /**
     * Every record with {@code key} up to and including the first whose value is {@code lastPayload}, waiting up to
     * 30 seconds for it.
     */
    public List<ConsumerRecord<String, byte[]>> recordsUntil(String key, byte[] lastPayload) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().anyMatch(r -> key.equals(r.key()) && Arrays.equals(r.value(), lastPayload));
        });
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : seen) {
            if (key.equals(record.key())) {
                records.add(record);
                if (Arrays.equals(record.value(), lastPayload)) {
                    break;
                }
            }
        }
        return records;
    }

    /** A record read back as the contract defines it. */
    public static TelemetryRecord decode(ConsumerRecord<String, byte[]> record) {
        return TelemetryRecord.fromHeaders(KafkaHeaders.toContract(record.headers()), record.value());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
