package io.thingbus.command;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
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
 * tombstones on delete), session and sub-device events (lifecycle topic) and RPC answers (device-requests topic) as
 * broker-service does. Sends synchronously, so a returned record is in the log.
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

    /** A gateway's sub-device events, under the gateway's key, as broker-service writes them. */
    void announce(SubdeviceEventRecord... events) {
        for (SubdeviceEventRecord event : events) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.LIFECYCLE, bytes(event.key()),
                    SubdeviceEventRecord.CODEC.encode(event));
            ceHeaders(record, SubdeviceEventRecord.TYPE, "//thingbus/broker-service/" + event.broker(),
                    event.tenant().value());
            record.headers().add(RecordHeaders.DEVICE, bytes(event.deviceId().value()));
            send(record);
        }
    }

    /** A device's answer to an RPC (the gateway's {@code v1/gateway/rpc} reply), under the device's key. */
    void answer(RpcResponseRecord answer) {
        sendTyped(Topics.DEVICE_REQUESTS, answer.key().asString(), RpcResponseRecord.TYPE,
                RpcResponseRecord.CODEC.encode(answer), answer.tenant().value());
    }

    /** Sends a record with CloudEvents headers naming {@code type}, e.g. a device request of another service. */
    void sendTyped(String topic, String key, String type, byte[] value, String tenant) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes(key), value);
        ceHeaders(record, type, "//thingbus/broker-service/broker-0", tenant);
        send(record);
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
