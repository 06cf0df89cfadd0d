package io.thingbus.broker;

import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaHeaders;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the telemetry topic as an integrator would, from its end at creation time. To prove that something did
 * <em>not</em> reach Kafka without waiting for an arbitrary time, a test publishes a marker on the same device key
 * afterwards: one key is one partition, so everything the device got forwarded before the marker is read before it.
 */
public final class TelemetryReader implements AutoCloseable {

    private final KafkaTopicReader reader;

    public TelemetryReader(String bootstrapServers) {
        reader = new KafkaTopicReader(bootstrapServers, Topics.TELEMETRY);
    }

    /**
     * Every record with {@code key} up to and including the first whose value is {@code lastPayload}, waiting up to
     * 30 seconds for it.
     */
    public List<ConsumerRecord<String, byte[]>> recordsUntil(String key, byte[] lastPayload) {
        return reader.recordsUntil(key, r -> Arrays.equals(r.value(), lastPayload));
    }

    /** A record read back as the contract defines it. */
    public static TelemetryRecord decode(ConsumerRecord<String, byte[]> record) {
        return TelemetryRecord.fromHeaders(KafkaHeaders.toContract(record.headers()), record.value());
    }

    @Override
    public void close() {
        reader.close();
    }
}
