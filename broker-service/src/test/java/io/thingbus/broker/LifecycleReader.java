package io.thingbus.broker;

import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.Topics;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the lifecycle topic as session-service would, from its end at creation time. */
public final class LifecycleReader implements AutoCloseable {

    private final KafkaTopicReader reader;

    public LifecycleReader(String bootstrapServers) {
        reader = new KafkaTopicReader(bootstrapServers, Topics.LIFECYCLE);
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
        return reader.recordsUntil(key, r -> last.test(decode(r)));
    }

    /** The events with {@code key} up to and including the first of type {@code lastEvent}. */
    public List<SessionEventRecord> eventsUntil(String key, String lastEvent) {
        return recordsUntil(key, e -> e.event().equals(lastEvent)).stream().map(LifecycleReader::decode).toList();
    }

    public static SessionEventRecord decode(ConsumerRecord<String, byte[]> record) {
        return SessionEventRecord.CODEC.decode(record.value());
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return KafkaTopicReader.header(record, name);
    }

    @Override
    public void close() {
        reader.close();
    }
}
