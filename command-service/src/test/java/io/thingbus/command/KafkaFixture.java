package io.thingbus.command;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes what other services write, on a real Kafka: device records as device-service does (compacted devices topic,
 * tombstones on delete) and session events as broker-service does (lifecycle topic). Sends synchronously, so a
 * returned record is in the log.
 */
final class KafkaFixture implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;

    KafkaFixture(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    void register(DeviceRecord device) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.DEVICES, bytes(device.key().asString()),
                DeviceRecord.CODEC.encode(device));
        ceHeaders(record, DeviceRecord.TYPE, "//thingbus/device-service", device.tenant().value());
        send(record);
    }

    void delete(DeviceKey device) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.DEVICES, bytes(device.asString()), null);
        ceHeaders(record, DeviceRecord.TYPE, "//thingbus/device-service", device.tenant().value());
        send(record);
    }

    void report(SessionEventRecord... events) {
        for (SessionEventRecord event : events) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.LIFECYCLE, bytes(event.key()),
                    SessionEventRecord.CODEC.encode(event));
            ceHeaders(record, SessionEventRecord.TYPE, "//thingbus/broker-service/" + event.broker(),
                    event.tenant().value());
            send(record);
        }
    }

    /** Sends any bytes to a topic, e.g. a record that does not follow the topic's schema. */
    void sendRaw(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key == null ? null : bytes(key), value));
    }

    private void send(ProducerRecord<byte[], byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e.getCause());
        }
    }

    private static void ceHeaders(ProducerRecord<byte[], byte[]> record, String type, String source, String tenant) {
        record.headers().add(RecordHeaders.CE_SPECVERSION, bytes(RecordHeaders.CLOUDEVENTS_VERSION));
        record.headers().add(RecordHeaders.CE_ID, bytes(UUID.randomUUID().toString()));
        record.headers().add(RecordHeaders.CE_TYPE, bytes(type));
        record.headers().add(RecordHeaders.CE_SOURCE, bytes(source));
        record.headers().add(RecordHeaders.TENANT, bytes(tenant));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
