package io.thingbus.command;

import static org.awaitility.Awaitility.await;

import io.thingbus.contracts.Header;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the downlink topic as a broker instance does: every partition from the beginning, keys as strings, values as
 * bytes. Keeps what it has read, so a test can look for the records of its own device.
 */
final class DownlinkReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    DownlinkReader(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "downlink-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.DOWNLINK).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits for the record with that {@code ce_id} and returns it. */
    ConsumerRecord<String, byte[]> awaitRecord(String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return find(id);
        }, Optional::isPresent).orElseThrow();
    }

    /** Waits for the first record that satisfies {@code condition} and returns it. */
    ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return seen.stream().filter(condition).findFirst();
        }, Optional::isPresent).orElseThrow();
    }

    /** Every record read so far under that key, in log order. */
    List<ConsumerRecord<String, byte[]>> recordsOf(String key) {
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    private Optional<ConsumerRecord<String, byte[]>> find(String id) {
        return seen.stream().filter(r -> id.equals(header(r, "ce_id"))).findFirst();
    }

    /** The record's headers as the contract's {@link Header}s, e.g. for {@code DownlinkRecord.fromHeaders}. */
    static List<Header> headersOf(ConsumerRecord<String, byte[]> record) {
        return KafkaHeaders.toContract(record.headers());
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return KafkaHeaders.value(record.headers(), name).orElse(null);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
