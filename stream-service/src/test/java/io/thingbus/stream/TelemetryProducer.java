package io.thingbus.stream;

import io.thingbus.contracts.Header;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes telemetry records to the real Kafka broker exactly as broker-service does: key {@code <tenant>/<device>},
 * the record's headers as UTF-8, the payload as the value. Sends synchronously, so a returned record is in the log.
 */
final class TelemetryProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all"),
            new ByteArraySerializer(), new ByteArraySerializer());

    RecordMetadata send(TelemetryRecord record) {
        return send(record.key().asString(), record.headers(), record.payload());
    }

    /** Sends a record with any headers, e.g. a malformed one. */
    RecordMetadata send(String key, List<Header> headers, byte[] payload) {
        ProducerRecord<byte[], byte[]> kafkaRecord = new ProducerRecord<>(Topics.TELEMETRY,
                key.getBytes(StandardCharsets.UTF_8), payload);
        headers.forEach(h -> kafkaRecord.headers().add(
                new RecordHeader(h.name(), h.value().getBytes(StandardCharsets.UTF_8))));
        try {
            return producer.send(kafkaRecord).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send telemetry", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
