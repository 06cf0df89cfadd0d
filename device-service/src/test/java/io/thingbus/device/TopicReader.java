package io.thingbus.device;

import static org.awaitility.Awaitility.await;

import io.thingbus.testing.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic from the beginning with a real consumer (no group), as an integrator would. */
final class TopicReader implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    TopicReader(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits until at least {@code count} records with {@code key} arrived; returns all of them, in order. */
    List<ConsumerRecord<String, byte[]>> awaitRecords(String key, int count) {
        await().atMost(TIMEOUT).until(() -> {
            poll();
            return withKey(key).size() >= count;
        });
        return withKey(key);
    }

    /** Everything with {@code key} up to the current end of the topic. */
    List<ConsumerRecord<String, byte[]>> allRecords(String key) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        await().atMost(TIMEOUT).until(() -> {
            poll();
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
        return withKey(key);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every header of {@code record}, in order, as the contract's UTF-8 headers. */
    static List<io.thingbus.contracts.Header> headers(ConsumerRecord<?, ?> record) {
        List<io.thingbus.contracts.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new io.thingbus.contracts.Header(header.key(),
                    new String(header.value(), StandardCharsets.UTF_8)));
        }
        return headers;
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    private List<ConsumerRecord<String, byte[]>> withKey(String key) {
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
