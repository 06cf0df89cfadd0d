package io.thingbus.stream;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.ChannelRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the channels topic as an integrator would: a plain Kafka consumer from the beginning of every partition, no
 * consumer group. Keeps what it read, so a test can wait for the records of one channel. Not thread-safe.
 */
final class ChannelRecords implements AutoCloseable {

    /** One record as read: its key, decoded value (null for a tombstone) and headers. */
    record Read(String key, ChannelRecord value, Map<String, String> headers) {

        boolean isTombstone() {
            return value == null;
        }
    }

    private final KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
            new StringDeserializer(), new ByteArrayDeserializer());
    private final List<Read> seen = new ArrayList<>();

    ChannelRecords() {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CHANNELS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits until the channel's records, in the order they were published, satisfy {@code condition}. */
    List<Read> await(TenantId tenant, ChannelId channel, Predicate<List<Read>> condition) {
        String key = ChannelRecord.key(tenant, channel);
        List<List<Read>> result = new ArrayList<>();
        Awaitility.await().atMost(StreamApi.PATIENCE).until(() -> {
            poll();
            List<Read> ofChannel = seen.stream().filter(r -> r.key().equals(key)).toList();
            result.add(ofChannel);
            return condition.test(ofChannel);
        });
        return result.get(result.size() - 1);
    }

    @Override
    public void close() {
        consumer.close();
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            ChannelRecord value = record.value() == null ? null : ChannelRecord.CODEC.decode(record.value());
            seen.add(new Read(record.key(), value, headers(record)));
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
